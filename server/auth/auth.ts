import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { recordAudit } from "../audit/record";
import { getDb } from "../db/client";
import { getEnv } from "../env";

function createAuth() {
  const env = getEnv();
  const db = getDb();
  return betterAuth({
    appName: "Tailor",
    baseURL: env.APP_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(db, { provider: "postgresql" }),
    // Accounts are created by invitation only (see server/workspaces/invitations.ts).
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Brute-force protection on sign-in, per client address; stored in Postgres so that every
    // web process shares the counts.
    rateLimit: {
      enabled: env.NODE_ENV === "production",
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: { useSecureCookies: env.APP_URL.startsWith("https://") },
    databaseHooks: {
      session: {
        create: { after: (session) => auditSession(db, "auth.sign_in", session) },
        delete: {
          // Sessions also end by expiring; only an explicit sign-out is an audited action.
          after: async (session, context) => {
            if (context?.path === "/sign-out") await auditSession(db, "auth.sign_out", session);
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

async function auditSession(
  db: ReturnType<typeof getDb>,
  action: "auth.sign_in" | "auth.sign_out",
  session: { userId: string; ipAddress?: string | null; userAgent?: string | null },
) {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true } });
  await recordAudit(db, {
    workspaceId: null,
    actorId: session.userId,
    actorEmail: user?.email ?? null,
    action,
    ipAddress: session.ipAddress ?? null,
    userAgent: session.userAgent ?? null,
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { tailorAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.tailorAuth ??= createAuth();
  return globalForAuth.tailorAuth;
}
