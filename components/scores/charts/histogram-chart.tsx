"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeHistogram } from "../chart-summaries";
import { formatCount, formatPercent, labelBins } from "../format";
import type { HistogramBin } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE } from "./chart-theme";

/** Contacts per value range of one score (CLV, churn risk). */
export function HistogramChart({
  id,
  title,
  what,
  bins,
  formatValue,
}: {
  id: string;
  title: string;
  what: string;
  bins: HistogramBin[];
  formatValue: (value: number) => string;
}) {
  const rows = labelBins(bins, formatValue);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summarizeHistogram(what, bins, formatValue)}
      rows={rows}
      rowKey={(row) => row.from}
      columns={[
        { header: what, cell: (row) => row.label },
        { header: "Contacts", cell: (row) => formatCount(row.count), numeric: true },
        { header: "Share", cell: (row) => formatPercent(row.share), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} width={56} />
          <Tooltip formatter={(value) => [formatCount(Number(value)), "Contacts"]} />
          <Bar dataKey="count" fill={BAR_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
