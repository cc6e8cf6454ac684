"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInWithEmail, type AuthError } from "@/components/trpc/auth-client";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";
import { Field, Input } from "../ui/field";

function messageFor(error: AuthError): string {
  if (error.status === 401 || error.code === "INVALID_EMAIL_OR_PASSWORD") return "Wrong email or password.";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (error.code === "INVALID_EMAIL") return "Enter a valid email address.";
  return "We could not sign you in right now. Please try again.";
}

export function SignInForm({ next, expired }: { next: string; expired: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const result = await signInWithEmail(email, password);
        if (result.error) {
          setError(messageFor(result.error));
          setPending(false);
          return;
        }
        router.replace(next);
        router.refresh();
      }}
    >
      {expired && !error ? <Alert tone="info">Your session has expired. Please sign in again.</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <Field id="email" label="Email">
        <Input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="password" label="Password">
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
