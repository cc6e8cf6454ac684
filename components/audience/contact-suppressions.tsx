"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { ContactDetails } from "@/server/audience";
import { Button } from "../ui/button";
import { Badge, Card, FormError } from "../ui/card";
import { TextField } from "../ui/field";
import { formatDateTime, SUPPRESSION_LABELS } from "./format";
import { useContactRefresh } from "./use-contact-refresh";

type Suppression = ContactDetails["suppressions"][number];

export function ContactSuppressions(props: { contactId: string; hasEmail: boolean; suppressions: Suppression[]; canEdit: boolean }) {
  const { contactId, suppressions, canEdit } = props;
  const hasManual = suppressions.some((s) => s.reason === "manual");
  return (
    <Card title="Suppressions" description="Suppressed addresses get no marketing email, whatever their consent.">
      {suppressions.length === 0 ? <p className="text-sm text-slate-600">This address is not suppressed.</p> : null}
      <ul className="divide-y divide-slate-200 text-sm">
        {suppressions.map((s) => (
          <li key={s.id} className="py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <Badge tone="red">{SUPPRESSION_LABELS[s.reason]}</Badge>
                <span className="ml-2 text-slate-700">{formatDateTime(s.createdAt)}</span>
                {s.source ? <span className="text-slate-600"> · {s.source}</span> : null}
              </span>
            </div>
            {s.note ? <p className="mt-1 text-slate-700">{s.note}</p> : null}
            {canEdit && s.reason === "manual" ? <LiftSuppression contactId={contactId} suppressionId={s.id} /> : null}
          </li>
        ))}
      </ul>
      {canEdit && props.hasEmail && !hasManual ? <AddSuppression contactId={contactId} /> : null}
    </Card>
  );
}

function AddSuppression({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const refresh = useContactRefresh(contactId);
  const [note, setNote] = useState("");
  const add = useMutation(trpc.contacts.addSuppression.mutationOptions({ onSuccess: async () => { setNote(""); await refresh(); } }));
  const noteError = fieldErrorOf(add.error, "note");
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ contactId, note });
      }}
    >
      <div className="min-w-56 flex-1">
        <TextField id="suppress-note" label="Why suppress this address?" error={noteError} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <Button type="submit" variant="danger" disabled={add.isPending}>Suppress address</Button>
      <FormError className="w-full" message={add.error && !noteError ? errorMessage(add.error) : null} />
    </form>
  );
}

function LiftSuppression({ contactId, suppressionId }: { contactId: string; suppressionId: string }) {
  const trpc = useTRPC();
  const refresh = useContactRefresh(contactId);
  const [note, setNote] = useState("");
  const lift = useMutation(trpc.contacts.removeSuppression.mutationOptions({ onSuccess: refresh }));
  const id = `lift-note-${suppressionId}`;
  const noteError = fieldErrorOf(lift.error, "note");
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        lift.mutate({ contactId, suppressionId, note });
      }}
    >
      <div className="min-w-56 flex-1">
        <TextField id={id} label="Why lift it?" error={noteError} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary" disabled={lift.isPending}>Lift suppression</Button>
      <FormError className="w-full" message={lift.error && !noteError ? errorMessage(lift.error) : null} />
    </form>
  );
}
