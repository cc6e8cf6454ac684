"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const d = data as Record<string, unknown>;
  if (typeof d.from === "string" && typeof d.to === "string") return `${String(d.email ?? "")}: ${d.from} → ${d.to}`;
  return Object.entries(d)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function AuditLog() {
  const trpc = useTRPC();
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (log.error) return <Alert>{errorMessage(log.error)}</Alert>;
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card>
      {log.isPending ? <p className="text-sm text-slate-600">Loading…</p> : null}
      {!log.isPending && entries.length === 0 ? <p className="text-sm text-slate-600">Nothing recorded yet.</p> : null}
      {entries.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">When</th>
              <th scope="col" className="py-2 pr-4">Who</th>
              <th scope="col" className="py-2 pr-4">What</th>
              <th scope="col" className="py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="whitespace-nowrap py-2 pr-4 text-slate-700">{dateFormat.format(entry.createdAt)}</td>
                <td className="py-2 pr-4">{entry.actorName ?? entry.actorEmail ?? "—"}</td>
                <td className="py-2 pr-4 font-medium">{entry.actionLabel}</td>
                <td className="py-2 text-slate-700">
                  {[describe(entry.data), entry.ipAddress ? `from ${entry.ipAddress}` : ""].filter(Boolean).join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.hasNextPage ? (
        <div className="mt-4">
          <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading…" : "Load older entries"}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
