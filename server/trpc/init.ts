import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "../auth/roles";
import { ADMINS, ANY_MEMBER, EDITORS } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import type { Db } from "../db/client";
import { UserFacingError } from "../errors";

export type Context = {
  db: Db;
  viewer: Viewer | null;
  /** Request metadata for the audit log. */
  ipAddress: string | null;
  userAgent: string | null;
};

export type ProcedureMeta = { roles: readonly Role[] };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Unexpected errors are logged on the server and never shown raw to the user.
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: internal ? "Something went wrong on our side. Please try again." : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors:
            error.cause instanceof ZodError
              ? (error.cause.flatten().fieldErrors as Record<string, string[] | undefined>)
              : undefined,
          field: error.cause instanceof UserFacingError ? error.cause.field : undefined,
        },
      };
    },
  });

export const router = t.router;

// Domain code throws UserFacingError; here it becomes the matching tRPC error with its message.
const mapUserFacingErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserFacingError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});
export const createCallerFactory = t.createCallerFactory;

/**
 * The only way to make a procedure: it names the roles that may call it, and its handler
 * receives the caller's workspace. Anonymous callers get UNAUTHORIZED, other roles FORBIDDEN.
 */
export function procedureFor(roles: readonly Role[]) {
  return t.procedure.meta({ roles }).use(mapUserFacingErrors).use(({ ctx, next, path }) => {
    const viewer = ctx.viewer;
    if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
    const active = viewer.active;
    if (!active) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any workspace." });
    if (!roles.includes(active.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${active.role}) does not allow this (${path}).`,
      });
    }
    return next({
      ctx: {
        ...ctx,
        viewer,
        workspaceId: active.workspaceId,
        role: active.role,
        userId: viewer.userId,
      },
    });
  });
}

export const memberProcedure = procedureFor(ANY_MEMBER);
export const editorProcedure = procedureFor(EDITORS);
export const adminProcedure = procedureFor(ADMINS);
