"use client";

import dynamic from "next/dynamic";
import { Badge } from "../../ui/card";
import { DataTable } from "../../ui/table";
import { formatCount, formatDateTime, formatDuration } from "./format";
import type { SizePoint } from "./segment-size-chart";

// recharts loads only on this page, after its own code.
const SegmentSizeChart = dynamic(() => import("./segment-size-chart"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the chart…</p>,
});

export type RefreshRow = {
  id: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  size: number | null;
  entered: number | null;
  left: number | null;
  durationMs: number | null;
  error: string | null;
};

const pointTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** The size chart (oldest to newest) over the refresh history table (newest first). */
export function RefreshHistory({ refreshes }: { refreshes: RefreshRow[] }) {
  const points: SizePoint[] = refreshes
    .filter((row) => row.status === "succeeded")
    .map((row) => ({ at: pointTime.format(row.startedAt), size: row.size ?? 0, entered: row.entered ?? 0, left: row.left ?? 0 }))
    .reverse();
  if (refreshes.length === 0) return <p className="text-sm text-slate-700">Not refreshed yet: the first refresh is on its way.</p>;
  return (
    <div className="space-y-4">
      <figure aria-label={`Members over the last ${points.length} refreshes, with who entered and left`} data-testid="segment-size-chart">
        <SegmentSizeChart points={points} />
        <figcaption className="sr-only">The table below lists the same figures.</figcaption>
      </figure>
      <DataTable
        look="ruled"
        padLastColumn
        caption="Refresh history, newest first"
        scrollLabel="Refresh history, scrollable"
        rows={refreshes}
        rowKey={(row) => row.id}
        rowProps={() => ({ "data-testid": "refresh-row" })}
        columns={[
          { key: "refreshed", header: "Refreshed", className: "whitespace-nowrap", cell: (row) => formatDateTime(row.startedAt) },
          { key: "members", header: "Members", align: "right", className: "tabular-nums", cell: (row) => formatCount(row.size) },
          { key: "entered", header: "Entered", align: "right", className: "tabular-nums", cell: (row) => formatCount(row.entered) },
          { key: "left", header: "Left", align: "right", className: "tabular-nums", cell: (row) => formatCount(row.left) },
          { key: "took", header: "Took", align: "right", className: "tabular-nums", cell: (row) => formatDuration(row.durationMs) },
          {
            key: "outcome",
            header: "Outcome",
            cell: (row) => (
              <>
                {row.status === "succeeded" ? <Badge tone="green">Done</Badge> : <Badge tone="red">Failed</Badge>}
                {row.error ? <p className="mt-1 text-xs text-red-800">{row.error}</p> : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
