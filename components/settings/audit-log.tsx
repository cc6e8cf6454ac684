"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";
import { DataTable } from "../ui/table";

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
      {log.data ? (
        <DataTable
          caption="Audit log entries"
          rows={entries}
          rowKey={(entry) => entry.id}
          empty={<p className="text-sm text-slate-600">Nothing recorded yet.</p>}
          columns={[
            { key: "when", header: "When", className: "whitespace-nowrap text-slate-700", cell: (entry) => dateFormat.format(entry.createdAt) },
            { key: "who", header: "Who", cell: (entry) => entry.actorName ?? entry.actorEmail ?? "—" },
            { key: "what", header: "What", className: "font-medium", cell: (entry) => entry.actionLabel },
            {
              key: "details",
              header: "Details",
              className: "text-slate-700",
              cell: (entry) => [describe(entry.data), entry.ipAddress ? `from ${entry.ipAddress}` : ""].filter(Boolean).join(" · "),
            },
          ]}
        />
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
