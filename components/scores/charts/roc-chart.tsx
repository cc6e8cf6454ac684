"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeRoc } from "../chart-summaries";
import { formatDecimal, formatPercent, thinCurve } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE, REFERENCE_COLOR } from "./chart-theme";

const percentTick = (value: number) => formatPercent(value, 0);

export function RocChart({ points, auc, baselineAuc }: { points: ScoreCharts["roc"]; auc?: number; baselineAuc?: number }) {
  const rows = thinCurve(points);
  return (
    <ChartFrame
      id="roc"
      title={auc === undefined ? "ROC curve" : `ROC curve (AUC ${formatDecimal(auc, 3)})`}
      summary={summarizeRoc(auc, baselineAuc)}
      rows={rows}
      rowKey={(row) => `${row.fpr}:${row.tpr}`}
      columns={[
        { header: "False positive rate", cell: (row) => formatPercent(row.fpr), numeric: true },
        { header: "True positive rate", cell: (row) => formatPercent(row.tpr), numeric: true },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            type="number"
            dataKey="fpr"
            domain={[0, 1]}
            tick={AXIS_TICK}
            tickFormatter={percentTick}
            label={{ value: "False positive rate", position: "insideBottom", offset: -8, fontSize: 12, fill: "#334155" }}
          />
          <YAxis type="number" domain={[0, 1]} tick={AXIS_TICK} tickFormatter={percentTick} width={48} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke={REFERENCE_COLOR} strokeDasharray="4 4" />
          <Tooltip
            formatter={(value) => [formatPercent(Number(value)), "True positive rate"]}
            labelFormatter={(label) => `False positive rate ${formatPercent(Number(label))}`}
          />
          <Line type="linear" dataKey="tpr" stroke={BAR_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
