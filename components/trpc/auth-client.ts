"use client";

// Two plain calls to better-auth's endpoints: its full client library would add ~15 kB of
// JavaScript to every page for what is one POST each.
export type AuthError = { status: number; code?: string; message?: string };

async function post(path: string, body: unknown): Promise<{ error: AuthError | null }> {
  const response = await fetch(`/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (response.ok) return { error: null };
  const payload = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return { error: { status: response.status, code: payload.code, message: payload.message } };
}

export const signInWithEmail = (email: string, password: string) => post("/sign-in/email", { email, password });
export const signOut = () => post("/sign-out", {});
