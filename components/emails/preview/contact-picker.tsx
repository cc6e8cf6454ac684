"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/field";
import { SegmentSelect } from "../segment-select";

/** Whom the preview renders for: a generated sample, or a real contact (searched or drawn at random). */
export type PreviewTarget = { kind: "sample" } | { kind: "contact"; contactId: string; label: string };

export function ContactPicker({ templateId, target, onChange }: { templateId: string; target: PreviewTarget; onChange: (target: PreviewTarget) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [segmentId, setSegmentId] = useState("");
  const [drawError, setDrawError] = useState<string | null>(null);
  const deferredSearch = useDeferredValue(search.trim());
  const contacts = useQuery({ ...trpc.contacts.list.queryOptions({ search: deferredSearch, limit: 8, sort: "last_seen" }), enabled: deferredSearch.length > 0 });

  // The server draws the contact; the preview then stays on that contact while the email is edited.
  async function drawRandom() {
    setDrawError(null);
    try {
      const drawn = await queryClient.fetchQuery({ ...trpc.emails.preview.queryOptions({ id: templateId, random: true, ...(segmentId ? { segmentId } : {}) }), staleTime: 0 });
      if (drawn.contact) onChange({ kind: "contact", contactId: drawn.contact.id, label: drawn.contact.name ?? drawn.contact.email ?? `contact ${drawn.contact.id}` });
      else setDrawError(segmentId ? "That segment has no members yet." : "The audience is empty: the preview uses a generated sample.");
    } catch (error) {
      setDrawError(errorMessage(error));
    }
  }

  return (
    <section aria-labelledby="preview-contact-title" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 id="preview-contact-title" className="text-sm font-semibold text-slate-900">
        Preview as
      </h2>
      <p className="text-sm text-slate-800" aria-live="polite">
        {target.kind === "contact" ? target.label : "A generated sample contact"}
      </p>
      {target.kind === "contact" ? (
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange({ kind: "sample" })}>
          Use a generated sample instead
        </Button>
      ) : null}
      <Field id="preview-contact-search" label="Find a contact">
        <Input id="preview-contact-search" type="search" placeholder="Email or name" value={search} onChange={(e) => setSearch(e.target.value)} />
      </Field>
      {contacts.error ? <p className="text-sm text-red-700">{errorMessage(contacts.error)}</p> : null}
      {deferredSearch && contacts.data ? (
        contacts.data.rows.length === 0 ? (
          <p className="text-sm text-slate-700">No contact matches.</p>
        ) : (
          <ul aria-label="Matching contacts" className="max-h-48 space-y-1 overflow-y-auto">
            {contacts.data.rows.map((row) => {
              const name = [row.firstName, row.lastName].filter(Boolean).join(" ");
              const label = name || row.email || `contact ${row.id}`;
              return (
                <li key={row.id}>
                  <button
                    type="button"
                    onClick={() => onChange({ kind: "contact", contactId: row.id, label: row.email && name ? `${name} <${row.email}>` : label })}
                    className="w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100"
                  >
                    {label}
                    {row.email && name ? <span className="block text-xs text-slate-700">{row.email}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      <div className="flex items-end gap-2">
        <SegmentSelect id="preview-random-segment" label="Or at random from" value={segmentId} onChange={setSegmentId} />
        <Button variant="secondary" onClick={() => void drawRandom()}>
          Random contact
        </Button>
      </div>
      {drawError ? <p className="text-sm text-red-700">{drawError}</p> : null}
    </section>
  );
}
