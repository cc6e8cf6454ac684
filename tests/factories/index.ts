import { randomBytes, randomUUID } from "node:crypto";
import type { Role } from "../../server/auth/roles";
import type { Viewer } from "../../server/auth/viewer";
import { createDb, type Db } from "../../server/db/client";
import type { Context } from "../../server/trpc/init";

let shared: Db | undefined;

/** The integration tests' Prisma client, on the database global setup prepared. */
export function testDb(): Db {
  shared ??= createDb(process.env.DATABASE_URL!, 4);
  return shared;
}

const unique = () => randomBytes(4).toString("hex");

export async function makeWorkspace(db: Db, name = `Workspace ${unique()}`) {
  return db.workspace.create({ data: { name, slug: `ws-${unique()}` } });
}

export async function makeUser(db: Db, name = `User ${unique()}`) {
  return db.user.create({ data: { id: randomUUID(), name, email: `${unique()}@example.test` } });
}

export async function makeMember(db: Db, workspaceId: string, role: Role, name?: string) {
  const user = await makeUser(db, name);
  const membership = await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { user, membership };
}

/** A tRPC context for a user acting in one workspace, as resolveViewer would build it. */
export async function contextFor(db: Db, userId: string, workspaceId: string): Promise<Context> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const memberships = await db.membership.findMany({ where: { userId }, include: { workspace: true } });
  const workspaces = memberships.map((m) => ({ workspaceId: m.workspaceId, workspaceName: m.workspace.name, role: m.role }));
  const viewer: Viewer = {
    userId,
    email: user.email,
    name: user.name,
    workspaces,
    active: workspaces.find((w) => w.workspaceId === workspaceId) ?? null,
  };
  return { db, viewer, ipAddress: "127.0.0.1", userAgent: "vitest" };
}

export function anonymousContext(db: Db): Context {
  return { db, viewer: null, ipAddress: null, userAgent: null };
}
