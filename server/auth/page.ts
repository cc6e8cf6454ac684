import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db/client";
import type { Role } from "./roles";
import { readCookie, resolveViewer, type Viewer, type WorkspaceMembership } from "./viewer";

const SESSION_COOKIES = ["better-auth.session_token", "__Secure-better-auth.session_token"];

/** The viewer for a server component, resolved once per request. */
export const getPageViewer = cache(async (): Promise<Viewer | null> => resolveViewer(getDb(), await headers()));

/** For pages behind sign-in: the viewer and their active workspace, or a redirect. */
export async function requireWorkspaceViewer(): Promise<Viewer & { active: WorkspaceMembership }> {
  const viewer = await getPageViewer();
  if (!viewer) {
    const requestHeaders = await headers();
    const hadSession = SESSION_COOKIES.some((name) => readCookie(requestHeaders, name));
    redirect(hadSession ? "/sign-in?reason=expired" : "/sign-in");
  }
  if (!viewer.active) redirect("/no-workspace");
  return viewer as Viewer & { active: WorkspaceMembership };
}

export async function viewerRole(): Promise<Role> {
  return (await requireWorkspaceViewer()).active.role;
}
