"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeSendHours } from "../chart-summaries";
import { formatCount, formatHour } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE } from "./chart-theme";

/** Contacts per best send hour, all 24 hours shown even when empty. */
export function SendHourChart({ hours }: { hours: ScoreCharts["sendHours"] }) {
  const byHour = new Map(hours.map((entry) => [entry.hour, entry.count]));
  const rows = Array.from({ length: 24 }, (_, hour) => ({ hour, label: formatHour(hour), count: byHour.get(hour) ?? 0 }));
  return (
    <ChartFrame
      id="send-hours"
      title="Best send hour distribution"
      summary={summarizeSendHours(rows)}
      rows={rows}
      rowKey={(row) => row.hour}
      columns={[
        { header: "Local hour", cell: (row) => row.label },
        { header: "Contacts", cell: (row) => formatCount(row.count), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={2} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} width={56} />
          <Tooltip formatter={(value) => [formatCount(Number(value)), "Contacts"]} />
          <Bar dataKey="count" fill={BAR_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
