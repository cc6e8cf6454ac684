import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/auth/roles";
import type { Context, ProcedureMeta } from "../../server/trpc/init";
import { appRouter, createCaller } from "../../server/trpc/root";
import { enqueueJob } from "../../server/worker/queue";
import { inviteMember } from "../../server/workspaces/invitations";
import { anonymousContext, contextFor, makeMember, makeWorkspace, testDb } from "../factories";

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as Record<string, Procedure>);

type Fixture = Awaited<ReturnType<typeof buildWorkspace>>;

async function buildWorkspace(label: string) {
  const db = testDb();
  const workspace = await makeWorkspace(db, `Security ${label}`);
  const admin = await makeMember(db, workspace.id, "admin", `${label} Admin`);
  const marketer = await makeMember(db, workspace.id, "marketer", `${label} Marketer`);
  const manager = await makeMember(db, workspace.id, "manager", `${label} Manager`);
  const actor = { userId: admin.user.id, email: admin.user.email, workspaceId: workspace.id };
  const { invitation } = await inviteMember(db, actor, { email: `invitee-${label}@example.test`, role: "marketer" }, "http://localhost");
  const job = await enqueueJob(db, { workspaceId: workspace.id, task: "demo.count", payload: { steps: 1, stepMs: 0 }, createdById: admin.user.id });
  return { workspace, admin, marketer, manager, invitation, job };
}

/**
 * A valid input for every procedure, aimed at `target`'s records. Adding a procedure without an
 * entry here fails the first test, so nothing escapes the checks below.
 */
const sampleInputs: Record<string, (target: Fixture) => unknown> = {
  "workspace.current": () => undefined,
  "members.list": () => undefined,
  "members.invitations": () => undefined,
  "members.invite": () => ({ email: "someone-new@example.test", role: "admin" }),
  "members.revokeInvitation": (t) => ({ invitationId: t.invitation.id }),
  "members.changeRole": (t) => ({ membershipId: t.marketer.membership.id, role: "admin" }),
  "members.remove": (t) => ({ membershipId: t.manager.membership.id }),
  "audit.list": () => ({ limit: 50 }),
  "jobs.list": () => undefined,
  "jobs.get": (t) => ({ id: t.job.id }),
  "jobs.startDemo": () => ({ steps: 1, stepMs: 0 }),
};

async function call(ctx: Context, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [namespace, name] = path.split(".") as [string, string];
  return caller[namespace]![name]!(input);
}

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
}

/** Everything of workspace B that must stay invisible and unchanged for a member of A. */
async function snapshotOf(fixture: Fixture) {
  const db = testDb();
  const where = { workspaceId: fixture.workspace.id };
  return {
    memberships: await db.membership.findMany({ where, orderBy: { id: "asc" } }),
    invitations: await db.invitation.findMany({ where, orderBy: { id: "asc" } }),
    jobRuns: (await db.jobRun.findMany({ where, orderBy: { id: "asc" } })).map((run) => ({ id: run.id, task: run.task })),
    audit: await db.auditLogEntry.count({ where }),
  };
}

let a: Fixture;
let b: Fixture;

beforeAll(async () => {
  a = await buildWorkspace("A");
  b = await buildWorkspace("B");
});

afterAll(async () => {
  await testDb().$disconnect();
});

describe("every tRPC procedure", () => {
  it("has a sample input here, so that all of them are checked", () => {
    expect(Object.keys(sampleInputs).sort()).toEqual(procedures.map(([path]) => path).sort());
  });

  it("declares the roles that may call it, and no mutation admits a manager", () => {
    for (const [path, procedure] of procedures) {
      const roles: readonly Role[] = procedure._def.meta?.roles ?? [];
      expect(roles.length, `${path} declares no roles`).toBeGreaterThan(0);
      if (procedure._def.type === "mutation") expect(roles, path).not.toContain("manager");
    }
  });

  it("rejects an anonymous caller", async () => {
    for (const [path] of procedures) {
      expect(await errorCode(call(anonymousContext(testDb()), path, sampleInputs[path]!(a))), path).toBe("UNAUTHORIZED");
    }
  });

  it("rejects a manager calling any mutation", async () => {
    const ctx = await contextFor(testDb(), a.manager.user.id, a.workspace.id);
    for (const [path, procedure] of procedures.filter(([, p]) => p._def.type === "mutation")) {
      expect(await errorCode(call(ctx, path, sampleInputs[path]!(a))), path).toBe("FORBIDDEN");
    }
  });

  it("rejects a role the procedure does not list", async () => {
    const ctx = await contextFor(testDb(), a.marketer.user.id, a.workspace.id);
    for (const [path, procedure] of procedures.filter(([, p]) => !p._def.meta?.roles.includes("marketer"))) {
      expect(await errorCode(call(ctx, path, sampleInputs[path]!(a))), path).toBe("FORBIDDEN");
    }
  });

  it("lets a user of workspace A neither read nor change anything of workspace B", async () => {
    const before = await snapshotOf(b);
    const secretsOfB = [
      b.workspace.id,
      b.admin.user.email,
      b.marketer.user.email,
      b.manager.user.email,
      b.invitation.id,
      b.invitation.email,
      b.job.id,
    ];
    for (const role of ["admin", "marketer", "manager"] as const) {
      const ctx = await contextFor(testDb(), a[role].user.id, a.workspace.id);
      for (const [path] of procedures) {
        let answer: unknown;
        try {
          answer = await call(ctx, path, sampleInputs[path]!(b));
        } catch (error) {
          expect(error, path).toBeInstanceOf(TRPCError);
          expect(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BAD_REQUEST"], `${role} ${path}`).toContain((error as TRPCError).code);
          continue;
        }
        const seen = JSON.stringify(answer ?? null);
        for (const secret of secretsOfB) expect(seen, `${role} ${path} leaked ${secret}`).not.toContain(secret);
      }
    }
    expect(await snapshotOf(b)).toEqual(before);
  });

  it("still works for its own workspace (the checks above are not vacuous)", async () => {
    const ctx = await contextFor(testDb(), a.admin.user.id, a.workspace.id);
    const members = (await call(ctx, "members.list", undefined)) as { email: string }[];
    expect(members.map((m) => m.email)).toContain(a.marketer.user.email);
    const job = (await call(ctx, "jobs.get", { id: a.job.id })) as { id: string };
    expect(job.id).toBe(a.job.id);
  });
});
