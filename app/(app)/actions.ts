"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveViewer, WORKSPACE_COOKIE } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";

function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "/";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** Switches the workspace in scope; only to a workspace the user is a member of. */
export async function switchWorkspace(formData: FormData) {
  const viewer = await resolveViewer(getDb(), await headers());
  if (!viewer) redirect("/sign-in");
  const workspaceId = formData.get("workspaceId");
  const target = viewer.workspaces.find((w) => w.workspaceId === workspaceId);
  if (target) {
    (await cookies()).set(WORKSPACE_COOKIE, target.workspaceId, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect(safeReturnPath(formData.get("returnTo")));
}
