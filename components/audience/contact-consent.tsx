"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrorOf } from "@/components/trpc/field-error";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { ContactDetails } from "@/server/audience";
import { Button } from "../ui/button";
import { Alert, Badge, Card, FormError } from "../ui/card";
import { Field, Input, Select, TextField } from "../ui/field";
import { CONSENT_STATE_LABELS, CONSENT_STATE_TONES, formatDateTime, PURPOSE_LABELS, SOURCE_LABELS } from "./format";
import { useContactRefresh } from "./use-contact-refresh";

type Purpose = keyof typeof PURPOSE_LABELS;
type State = keyof typeof CONSENT_STATE_LABELS;

export function ContactConsent({ contactId, consents, canEdit }: { contactId: string; consents: ContactDetails["consents"]; canEdit: boolean }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.contacts.consentHistory.queryOptions({ contactId }));
  return (
    <Card title="Consent" description="The current state per purpose, and every change that led to it.">
      <ul className="divide-y divide-slate-200 text-sm">
        {consents.map((consent) => (
          <li key={consent.purpose} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="font-medium">{PURPOSE_LABELS[consent.purpose]}</span>
            <span>
              {consent.state ? (
                <>
                  <Badge tone={CONSENT_STATE_TONES[consent.state]}>{CONSENT_STATE_LABELS[consent.state]}</Badge>
                  <span className="ml-2 text-slate-600">since {formatDateTime(consent.since)}</span>
                </>
              ) : (
                <Badge>Never recorded</Badge>
              )}
            </span>
          </li>
        ))}
      </ul>
      {canEdit ? <RecordConsentForm contactId={contactId} /> : null}
      <h3 className="mt-6 text-sm font-semibold text-slate-900">History</h3>
      {history.error ? <Alert>{errorMessage(history.error)}</Alert> : null}
      {history.data?.records.length === 0 ? <p className="mt-2 text-sm text-slate-600">No consent recorded yet.</p> : null}
      {history.data && history.data.records.length > 0 ? (
        // Focusable so that keyboard users can scroll the wide table.
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Consent history, scrollable">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Consent history</caption>
            <thead className="uppercase text-slate-600">
              <tr>
                {["When", "Purpose", "State", "Source", "Wording", "Reason", "Who", "IP"].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-3">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {history.data.records.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(r.occurredAt)}</td>
                  <td className="py-2 pr-3">{PURPOSE_LABELS[r.purpose]}</td>
                  <td className="py-2 pr-3"><Badge tone={CONSENT_STATE_TONES[r.state]}>{CONSENT_STATE_LABELS[r.state]}</Badge></td>
                  <td className="py-2 pr-3">{SOURCE_LABELS[r.source]}</td>
                  <td className="max-w-48 py-2 pr-3">{r.wording ?? "—"}</td>
                  <td className="max-w-48 py-2 pr-3">{r.reason ?? "—"}</td>
                  <td className="py-2 pr-3">{r.recordedBy ?? "—"}</td>
                  <td className="py-2 pr-3">{r.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {history.data.truncated ? <p className="mt-2 text-xs text-slate-600">Showing the 200 most recent changes.</p> : null}
        </div>
      ) : null}
    </Card>
  );
}

function RecordConsentForm({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const refresh = useContactRefresh(contactId);
  const [purpose, setPurpose] = useState<Purpose>("email_marketing");
  const [state, setState] = useState<State>("withdrawn");
  const [reason, setReason] = useState("");
  const [wording, setWording] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation(
    trpc.contacts.recordConsent.mutationOptions({
      onSuccess: async (_, input) => {
        setDone(`${PURPOSE_LABELS[input.purpose]}: ${CONSENT_STATE_LABELS[input.state].toLowerCase()} — recorded.`);
        setReason("");
        setWording("");
        await refresh();
      },
    }),
  );
  const reasonError = fieldErrorOf(record.error, "reason");
  return (
    <form
      className="mt-4 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      aria-labelledby="record-consent-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        record.mutate({ contactId, purpose, state, reason, wording: wording || null });
      }}
    >
      <h3 id="record-consent-title" className="text-sm font-semibold text-slate-900">Record a consent change</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="consent-purpose" label="Purpose">
          <Select id="consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
            {Object.entries(PURPOSE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </Field>
        <Field id="consent-state" label="New state">
          <Select id="consent-state" value={state} onChange={(e) => setState(e.target.value as State)}>
            {Object.entries(CONSENT_STATE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </Field>
      </div>
      <TextField
        id="consent-reason"
        label="Reason"
        error={reasonError}
        hint="Required: why you record this, e.g. “asked by phone on 3 May”."
        value={reason}
        required
        onChange={(e) => setReason(e.target.value)}
      />
      <Field id="consent-wording" label="Wording shown (optional)" hint="The text or form version the contact agreed to.">
        <Input id="consent-wording" value={wording} aria-describedby="consent-wording-hint" onChange={(e) => setWording(e.target.value)} />
      </Field>
      <FormError className="" message={record.error && !reasonError ? errorMessage(record.error) : null} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Button type="submit" disabled={record.isPending}>{record.isPending ? "Recording…" : "Record consent change"}</Button>
    </form>
  );
}
