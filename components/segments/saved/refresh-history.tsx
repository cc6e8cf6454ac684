"use client";

import dynamic from "next/dynamic";
import { Badge } from "../../ui/card";
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
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Refresh history, scrollable">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Refresh history, newest first</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">Refreshed</th>
              <th scope="col" className="py-2 pr-4 text-right">Members</th>
              <th scope="col" className="py-2 pr-4 text-right">Entered</th>
              <th scope="col" className="py-2 pr-4 text-right">Left</th>
              <th scope="col" className="py-2 pr-4 text-right">Took</th>
              <th scope="col" className="py-2 pr-4">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {refreshes.map((row) => (
              <tr key={row.id} className="border-b border-slate-100" data-testid="refresh-row">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(row.startedAt)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(row.size)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(row.entered)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(row.left)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatDuration(row.durationMs)}</td>
                <td className="py-2 pr-4">
                  {row.status === "succeeded" ? <Badge tone="green">Done</Badge> : <Badge tone="red">Failed</Badge>}
                  {row.error ? <p className="mt-1 text-xs text-red-800">{row.error}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
