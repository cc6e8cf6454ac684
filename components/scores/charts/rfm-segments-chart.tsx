"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeSegments } from "../chart-summaries";
import { formatCount, formatPercent } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, GRID_STROKE } from "./chart-theme";

export function RfmSegmentsChart({ segments }: { segments: ScoreCharts["rfmSegments"] }) {
  const total = segments.reduce((sum, segment) => sum + segment.count, 0);
  const rows = [...segments].sort((p, q) => q.count - p.count);
  return (
    <ChartFrame
      id="rfm-segments"
      title="RFM segment sizes"
      summary={summarizeSegments(segments)}
      rows={rows}
      rowKey={(row) => row.segment}
      columns={[
        { header: "Segment", cell: (row) => row.segment },
        { header: "Contacts", cell: (row) => formatCount(row.count), numeric: true },
        { header: "Share", cell: (row) => formatPercent(total > 0 ? row.count / total : 0), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 28)}>
        <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} />
          <YAxis type="category" dataKey="segment" tick={AXIS_TICK} width={128} interval={0} />
          <Tooltip formatter={(value) => [formatCount(Number(value)), "Contacts"]} />
          <Bar dataKey="count" fill={BAR_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
