"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { EmailDocument } from "@/server/email/document";
import { SegmentSelect } from "../segment-select";
import { useDebouncedValue } from "./use-debounced-value";

const numbers = new Intl.NumberFormat("en-US");

/** For each token of the email: how many contacts of a chosen segment would see it empty. */
export function EmptyTokens({ document }: { document: EmailDocument }) {
  const trpc = useTRPC();
  const [segmentId, setSegmentId] = useState("");
  // Counting scans the segment: once typing pauses, not per keystroke.
  const settled = useDebouncedValue(document, 1000);
  const counts = useQuery({
    ...trpc.emails.emptyTokens.queryOptions({ document: settled, ...(segmentId ? { segmentId } : {}) }),
    placeholderData: (previous) => previous,
  });
  return (
    <section aria-labelledby="empty-tokens-title" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 id="empty-tokens-title" className="text-sm font-semibold text-slate-900">
        Tokens and empty values
      </h2>
      <div className="mt-2">
        <SegmentSelect id="empty-tokens-segment" label="Count contacts in" value={segmentId} onChange={setSegmentId} />
      </div>
      {counts.error ? <p className="mt-2 text-sm text-slate-700">{errorMessage(counts.error)}</p> : null}
      {counts.data && counts.data.length === 0 ? <p className="mt-2 text-sm text-slate-700">This email uses no tokens.</p> : null}
      {counts.data && counts.data.length > 0 ? (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Contacts who would see each token empty</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2">Token</th>
              <th scope="col" className="py-1 text-right">Empty for</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {counts.data.map((row) => (
              <tr key={row.token}>
                <td className="break-all py-1 pr-2 font-mono text-xs">{row.token}</td>
                <td className={`whitespace-nowrap py-1 text-right ${row.empty > 0 ? "text-amber-900" : "text-slate-700"}`}>
                  {numbers.format(row.empty)} of {numbers.format(row.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
