"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { ContactDetails } from "@/server/audience";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";
import { Field, Input } from "../ui/field";
import { useContactRefresh } from "./use-contact-refresh";

const FIELDS = [
  ["firstName", "First name"],
  ["lastName", "Last name"],
  ["phone", "Phone"],
  ["locale", "Locale"],
  ["timeZone", "Time zone"],
  ["country", "Country"],
  ["region", "Region"],
  ["city", "City"],
] as const;
type ProfileKey = (typeof FIELDS)[number][0];

export function ContactProfile({ contact, canEdit }: { contact: ContactDetails; canEdit: boolean }) {
  const trpc = useTRPC();
  const refresh = useContactRefresh(contact.id);
  const [draft, setDraft] = useState<Record<ProfileKey, string> | null>(null);
  const save = useMutation(
    trpc.contacts.updateAttributes.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        await refresh();
      },
    }),
  );
  const startEditing = () =>
    setDraft(Object.fromEntries(FIELDS.map(([key]) => [key, contact[key] ?? ""])) as Record<ProfileKey, string>);
  const fieldErrors = save.error?.data?.fieldErrors;

  return (
    <Card
      title="Profile"
      description="Email and external id identify the contact; imports and the API change them."
      actions={canEdit && !draft ? <Button variant="secondary" className="whitespace-nowrap" onClick={startEditing}>Edit profile</Button> : null}
    >
      {draft ? (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ contactId: contact.id, profile: draft });
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            {FIELDS.map(([key, label]) => {
              const error = fieldErrors?.[`profile.${key}`]?.[0] ?? null;
              return (
                <Field key={key} id={`profile-${key}`} label={label} error={error}>
                  <Input id={`profile-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
                </Field>
              );
            })}
          </div>
          {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save profile"}</Button>
            <Button variant="ghost" onClick={() => setDraft(null)}>Cancel</Button>
          </div>
        </form>
      ) : (
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Email</dt>
            <dd className="break-all">{contact.email ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">External id</dt>
            <dd>{contact.externalId ?? "—"}</dd>
          </div>
          {FIELDS.map(([key, label]) => (
            <div key={key}>
              <dt className="text-slate-600">{label}</dt>
              <dd>{contact[key] ?? "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
