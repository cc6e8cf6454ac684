import type { Db } from "../db/client";
import { getAuth } from "./auth";
import type { Role } from "./roles";

/** The cookie naming the workspace a user is working in; checked against memberships on every request. */
export const WORKSPACE_COOKIE = "tailor_workspace";

export type WorkspaceMembership = { workspaceId: string; workspaceName: string; role: Role };

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  workspaces: WorkspaceMembership[];
  /** The workspace in scope; null only for a user who belongs to none. */
  active: WorkspaceMembership | null;
};

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export async function loadMemberships(db: Db, userId: string): Promise<WorkspaceMembership[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((row) => ({ workspaceId: row.workspaceId, workspaceName: row.workspace.name, role: row.role }));
}

export function pickActiveWorkspace(
  workspaces: WorkspaceMembership[],
  wantedId: string | undefined,
): WorkspaceMembership | null {
  return workspaces.find((w) => w.workspaceId === wantedId) ?? workspaces[0] ?? null;
}

/** Who is calling, from the session cookie, and in which workspace; null when signed out. */
export async function resolveViewer(db: Db, headers: Headers): Promise<Viewer | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const workspaces = await loadMemberships(db, session.user.id);
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    workspaces,
    active: pickActiveWorkspace(workspaces, readCookie(headers, WORKSPACE_COOKIE)),
  };
}
