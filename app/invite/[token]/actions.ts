"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/server/auth/auth";
import { resolveViewer, WORKSPACE_COOKIE } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { UserFacingError } from "@/server/errors";
import { acceptInvitationAsUser, acceptInvitationWithNewAccount } from "@/server/workspaces/invitations";
import { acceptInvitationInput } from "@/server/workspaces/schemas";

// `values` carries back what was typed (never the passwords) so a failed submit loses nothing valid.
export type AcceptState = {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: { name?: string };
};

async function enterWorkspace(workspaceId: string) {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

export async function acceptWithNewAccount(_: AcceptState, formData: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationInput.safeParse(Object.fromEntries(formData));
  const values = { name: String(formData.get("name") ?? "") };
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, values };
  let accepted: { email: string; workspaceId: string };
  try {
    accepted = await acceptInvitationWithNewAccount(getDb(), parsed.data);
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.message, values };
    throw error;
  }
  // nextCookies() lets better-auth set the session cookie from inside this action.
  await getAuth().api.signInEmail({
    body: { email: accepted.email, password: parsed.data.password },
    headers: await headers(),
  });
  await enterWorkspace(accepted.workspaceId);
  redirect("/");
}

export async function acceptAsSignedInUser(_: AcceptState, formData: FormData): Promise<AcceptState> {
  const viewer = await resolveViewer(getDb(), await headers());
  if (!viewer) return { error: "Your session has ended. Sign in again to accept." };
  let workspaceId: string;
  try {
    ({ workspaceId } = await acceptInvitationAsUser(getDb(), {
      token: String(formData.get("token") ?? ""),
      userId: viewer.userId,
      email: viewer.email,
    }));
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.message };
    throw error;
  }
  await enterWorkspace(workspaceId);
  redirect("/");
}
