"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeCalibration } from "../chart-summaries";
import { formatCount, formatPercent } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE, REFERENCE_COLOR } from "./chart-theme";

const percentTick = (value: number) => formatPercent(value, 0);

/** Observed purchase rate per bin of predicted probability, against the diagonal of perfect calibration. */
export function CalibrationChart({ points }: { points: ScoreCharts["calibration"] }) {
  const rows = [...points].filter((point) => point.count > 0).sort((p, q) => p.predicted - q.predicted);
  const highest = Math.max(0.1, ...rows.flatMap((point) => [point.predicted, point.observed]));
  const upper = Math.min(1, Math.ceil(highest * 10) / 10);
  return (
    <ChartFrame
      id="calibration"
      title="Calibration: predicted vs observed"
      summary={summarizeCalibration(points)}
      rows={rows}
      rowKey={(row) => row.bin}
      columns={[
        { header: "Bin", cell: (row) => row.bin + 1, numeric: true },
        { header: "Predicted", cell: (row) => formatPercent(row.predicted), numeric: true },
        { header: "Observed", cell: (row) => formatPercent(row.observed), numeric: true },
        { header: "Contacts", cell: (row) => formatCount(row.count), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            type="number"
            dataKey="predicted"
            domain={[0, upper]}
            tick={AXIS_TICK}
            tickFormatter={percentTick}
            label={{ value: "Predicted", position: "insideBottom", offset: -8, fontSize: 12, fill: "#334155" }}
          />
          <YAxis type="number" domain={[0, upper]} tick={AXIS_TICK} tickFormatter={percentTick} width={48} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: upper, y: upper }]} stroke={REFERENCE_COLOR} strokeDasharray="4 4" />
          <Tooltip
            formatter={(value) => [formatPercent(Number(value)), "Observed"]}
            labelFormatter={(label) => `Predicted ${formatPercent(Number(label))}`}
          />
          <Line type="linear" dataKey="observed" stroke={BAR_COLOR} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
