"use client";

import { useActionState } from "react";
import { acceptAsSignedInUser, acceptWithNewAccount, type AcceptState } from "@/app/invite/[token]/actions";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";
import { Field, Input } from "../ui/field";

function errorProps(id: string, error: string | undefined) {
  return error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptWithNewAccount, {});
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field id="invite-account-email" label="Email">
        <Input id="invite-account-email" value={email} readOnly />
      </Field>
      <Field id="name" label="Your name" error={fieldError("name")}>
        <Input id="name" name="name" autoComplete="name" required defaultValue={state.values?.name} {...errorProps("name", fieldError("name"))} />
      </Field>
      <Field id="password" label="Choose a password" hint="At least 10 characters." error={fieldError("password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required {...errorProps("password", fieldError("password"))} />
      </Field>
      <Field id="confirmPassword" label="Repeat the password" error={fieldError("confirmPassword")}>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          {...errorProps("confirmPassword", fieldError("confirmPassword"))}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Accept and create account"}
      </Button>
    </form>
  );
}

export function AcceptAsUserForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptAsSignedInUser, {});
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        Join {workspaceName}
      </Button>
    </form>
  );
}
