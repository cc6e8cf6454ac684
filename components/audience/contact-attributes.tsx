"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";
import { Input } from "../ui/field";
import { DataTable, type Column } from "../ui/table";
import { attributeText, isEditableValue, parseAttributeText, type AttributeScalar } from "./attribute-value";
import { useContactRefresh } from "./use-contact-refresh";

type AttributeEntry = [key: string, value: unknown];
type Draft = { values: Record<string, string>; removed: string[]; newKey: string; newValue: string };

export function ContactAttributes({ contactId, attributes, canEdit }: { contactId: string; attributes: Record<string, unknown>; canEdit: boolean }) {
  const trpc = useTRPC();
  const refresh = useContactRefresh(contactId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.contacts.updateAttributes.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        setSaved(true);
        await refresh();
      },
    }),
  );
  const entries: AttributeEntry[] = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));

  const submit = (d: Draft) => {
    const setAttributes: Record<string, AttributeScalar> = {};
    for (const [key, text] of Object.entries(d.values)) {
      if (d.removed.includes(key) || attributeText(attributes[key]) === text) continue;
      setAttributes[key] = parseAttributeText(text, attributes[key]);
    }
    if (d.newKey.trim()) setAttributes[d.newKey.trim()] = parseAttributeText(d.newValue);
    save.mutate({ contactId, setAttributes, removeAttributes: d.removed });
  };
  const actionColumns: Column<AttributeEntry>[] = draft
    ? [
        {
          key: "actions",
          header: <span className="sr-only">Actions</span>,
          align: "right",
          cell: ([key]) => {
            const removed = draft.removed.includes(key);
            return (
              <Button variant="ghost" onClick={() => setDraft({ ...draft, removed: removed ? draft.removed.filter((k) => k !== key) : [...draft.removed, key] })}>
                {removed ? "Keep" : "Remove"}<span className="sr-only"> {key}</span>
              </Button>
            );
          },
        },
      ]
    : [];
  const fieldErrors = save.error?.data?.fieldErrors;
  const firstFieldError = fieldErrors ? Object.values(fieldErrors).flat()[0] : undefined;

  return (
    <Card
      title="Custom attributes"
      actions={
        canEdit && !draft ? (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setDraft({ values: Object.fromEntries(entries.filter(([, v]) => isEditableValue(v)).map(([k, v]) => [k, attributeText(v)])), removed: [], newKey: "", newValue: "" });
            }}
          >
            Edit attributes
          </Button>
        ) : null
      }
    >
      {saved && !draft ? <div className="mb-3"><Alert tone="success">Attributes saved.</Alert></div> : null}
      {entries.length === 0 && !draft ? <p className="text-sm text-slate-600">No custom attributes.</p> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft) submit(draft);
        }}
      >
        <DataTable
          caption="Custom attributes"
          rows={entries}
          rowKey={([key]) => key}
          padLastColumn={!draft}
          rowProps={([key]) => ({ className: draft?.removed.includes(key) ? "text-slate-500 line-through" : undefined })}
          columns={[
            { key: "name", header: "Name", rowHeader: true, className: "font-mono text-xs font-normal", cell: ([key]) => key },
            {
              key: "value",
              header: "Value",
              cell: ([key, value]) =>
                draft && isEditableValue(value) && !draft.removed.includes(key) ? (
                  <Input aria-label={`Value of ${key}`} value={draft.values[key] ?? ""} onChange={(e) => setDraft({ ...draft, values: { ...draft.values, [key]: e.target.value } })} />
                ) : (
                  <span className="break-all">{attributeText(value) || "—"}</span>
                ),
            },
            ...actionColumns,
          ]}
        />
        {draft ? (
          <div className="mt-4 space-y-3">
            <fieldset className="grid gap-3 sm:grid-cols-2">
              <legend className="mb-1 text-sm font-medium text-slate-800">Add an attribute</legend>
              <Input aria-label="New attribute name" placeholder="name, e.g. shoe_size" value={draft.newKey} onChange={(e) => setDraft({ ...draft, newKey: e.target.value })} />
              <Input aria-label="New attribute value" placeholder="value" value={draft.newValue} onChange={(e) => setDraft({ ...draft, newValue: e.target.value })} />
            </fieldset>
            {firstFieldError ? <Alert>{firstFieldError}</Alert> : save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
            <div className="flex gap-2">
              <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save attributes"}</Button>
              <Button variant="ghost" onClick={() => setDraft(null)}>Cancel</Button>
            </div>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
