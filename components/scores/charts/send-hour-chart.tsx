"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeSendHours } from "../chart-summaries";
import { formatCount, formatHour } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE, SECOND_COLOR } from "./chart-theme";

/** Contacts per best send hour, all 24 hours shown even when empty; those on the workspace's hour stacked apart. */
export function SendHourChart({ hours }: { hours: ScoreCharts["sendHours"] }) {
  const byHour = new Map(hours.map((entry) => [entry.hour, entry]));
  const rows = Array.from({ length: 24 }, (_, hour) => {
    const entry = byHour.get(hour);
    const count = entry?.count ?? 0;
    const priorOnly = entry?.priorOnly ?? 0;
    return { hour, label: formatHour(hour), count, own: count - priorOnly, priorOnly };
  });
  return (
    <ChartFrame
      id="send-hours"
      title="Best send hour distribution"
      summary={summarizeSendHours(rows)}
      rows={rows}
      rowKey={(row) => row.hour}
      columns={[
        { header: "Local hour", cell: (row) => row.label },
        { header: "From own activity", cell: (row) => formatCount(row.own), numeric: true },
        { header: "Workspace's usual hour", cell: (row) => formatCount(row.priorOnly), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={2} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} width={56} />
          <Tooltip formatter={(value, name) => [formatCount(Number(value)), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="own" name="From own activity" stackId="contacts" fill={BAR_COLOR} isAnimationActive={false} />
          <Bar dataKey="priorOnly" name="No activity: workspace's usual hour" stackId="contacts" fill={SECOND_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
