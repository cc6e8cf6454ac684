"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { ImportDetail } from "@/server/audience/import";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";
import { Field, Input, Select } from "../ui/field";

const EXISTING_OPTIONS = [
  { value: "update", label: "Update them with the file's non-empty values" },
  { value: "fill_empty", label: "Only fill their empty fields" },
  { value: "skip", label: "Skip them (add new contacts only)" },
] as const;

type Existing = (typeof EXISTING_OPTIONS)[number]["value"];

function customLabel(target: string): string {
  const [prefix, name] = target.split(":");
  return `${prefix === "attribute" ? "Custom attribute" : "Event property"}: ${name}`;
}

/** Step 2: the first rows of the file, and one target per column (suggested from its header). */
export function MappingForm({ detail, canEdit }: { detail: ImportDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<string[]>(() => detail.mapping.map((target) => target ?? ""));
  const [existing, setExisting] = useState<Existing>("update");
  const [eventName, setEventName] = useState("");
  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: async (started) => {
        queryClient.setQueryData(trpc.imports.get.queryKey({ id: started.id }), started);
        await queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
      },
    }),
  );
  const eventNameMapped = mapping.includes("event_name");

  return (
    <Card title="2. Check the columns" description={`${detail.fileName} · ${detail.delimiter}-separated · about ${detail.rowsTotal?.toLocaleString("en") ?? "?"} rows`}>
      <form
        noValidate
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate({ id: detail.id, mapping: mapping.map((target) => target || null), existing, eventName: eventName || null });
        }}
      >
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-sm">
            <caption className="sr-only">Columns of the file, their target, and the first rows</caption>
            <thead>
              <tr>
                {detail.header.map((column, index) => (
                  <th key={index} scope="col" className="min-w-44 border-b border-slate-200 px-2 py-2 text-left align-top font-medium">
                    <label htmlFor={`map-${index}`} className="block text-slate-900">
                      {column || `Column ${index + 1}`}
                    </label>
                    <Select
                      id={`map-${index}`}
                      className="mt-1"
                      value={mapping[index] ?? ""}
                      disabled={!canEdit}
                      onChange={(event) => setMapping((current) => current.map((target, i) => (i === index ? event.target.value : target)))}
                    >
                      <option value="">Don&apos;t import</option>
                      {detail.fieldChoices.map((choice) => (
                        <option key={choice.key} value={choice.key}>
                          {choice.label}
                        </option>
                      ))}
                      {detail.customTargets[index] ? <option value={detail.customTargets[index]!}>{customLabel(detail.customTargets[index]!)}</option> : null}
                    </Select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detail.previewRows.map((row, rowIndex) => (
                <tr key={rowIndex} className="odd:bg-slate-50">
                  {detail.header.map((_, index) => (
                    <td key={index} className="max-w-64 truncate border-b border-slate-100 px-2 py-1.5 text-slate-700">
                      {row[index] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {detail.kind === "contacts" ? (
            <Field id="import-existing" label="Contacts that already exist">
              <Select id="import-existing" value={existing} disabled={!canEdit} onChange={(event) => setExisting(event.target.value as Existing)}>
                {EXISTING_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <Field id="import-event-name" label="Event name for every row" hint={eventNameMapped ? "A column holds the event name." : "For example: Order Completed"}>
              <Input id="import-event-name" value={eventName} disabled={!canEdit || eventNameMapped} onChange={(event) => setEventName(event.target.value)} />
            </Field>
          )}
        </div>
        {start.error ? <Alert>{errorMessage(start.error)}</Alert> : null}
        {canEdit ? (
          <Button type="submit" disabled={start.isPending}>
            {start.isPending ? "Starting…" : "Start import"}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">Managers can review imports; a marketer or admin starts them.</p>
        )}
      </form>
    </Card>
  );
}
