"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import { errorMessage } from "@/components/trpc/provider";
import { Alert } from "../../ui/card";
import type { NodeIssue } from "./definition-issues";
import type { useSegmentPreview } from "./use-segment-preview";

const numbers = new Intl.NumberFormat("en-US");

type Preview = ReturnType<typeof useSegmentPreview>;

export function SegmentSummary({ preview }: { preview: Preview }) {
  const stale = Boolean(preview.error) || preview.refreshing;
  return (
    <p className={`text-base text-slate-900 ${stale ? "text-slate-600" : ""}`} aria-live="polite" data-testid="segment-summary">
      {preview.answer?.summary ?? "Contacts who match the conditions below."}
    </p>
  );
}

/** The live count and the first matching contacts, beside the builder. */
export function PreviewPanel({ preview, issue }: { preview: Preview; issue: NodeIssue | null }) {
  const { answer, refreshing, error } = preview;
  return (
    <section aria-labelledby="segment-preview-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id="segment-preview-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
          Live preview
        </h2>
        {refreshing ? (
          <span role="status" className="inline-flex items-center gap-1 text-xs text-slate-600">
            <Loader2 aria-hidden="true" className="h-3 w-3 animate-spin" /> Updating…
          </span>
        ) : null}
      </div>
      <p className="mt-2" aria-live="polite">
        <span className={`text-3xl font-semibold ${error ? "text-slate-500" : "text-slate-900"}`} data-testid="segment-count">
          {answer ? numbers.format(answer.count) : "…"}
        </span>{" "}
        <span className="text-sm text-slate-700">{answer?.count === 1 ? "contact matches" : "contacts match"}</span>
      </p>
      {error ? (
        <div className="mt-3">
          <Alert>{issue ? `Fix the condition marked below: ${issue.message}` : errorMessage(error)}</Alert>
        </div>
      ) : null}
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Sample</h3>
      {answer && answer.sample.length > 0 ? (
        <ul aria-label="Sample of matching contacts" className="mt-2 divide-y divide-slate-100 text-sm">
          {answer.sample.map((contact) => {
            const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
            return (
              <li key={contact.id} className="py-1.5">
                <Link href={`/audience/${contact.id}`} className="font-medium text-brand-700 hover:underline">
                  {contact.email || name || `Contact ${contact.id}`}
                </Link>
                {name && contact.email ? <span className="block text-xs text-slate-600">{name}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{answer ? "No contact matches yet." : "Counting…"}</p>
      )}
    </section>
  );
}
