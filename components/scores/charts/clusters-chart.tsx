"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeClusters } from "../chart-summaries";
import { formatCount, formatPercent, formatStandardScore, humanize } from "../format";
import type { ScoreCharts } from "../types";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE } from "./chart-theme";

type Cluster = ScoreCharts["clusters"][number];

/** Cluster sizes as bars, then each cluster's profile: its description and its centre. */
export function ClustersChart({ clusters }: { clusters: Cluster[] }) {
  const total = clusters.reduce((sum, cluster) => sum + cluster.size, 0);
  const rows = [...clusters].sort((p, q) => p.id - q.id).map((cluster) => ({ ...cluster, name: `Cluster ${cluster.id + 1}` }));
  const features = [...new Set(rows.flatMap((cluster) => Object.keys(cluster.centroid)))];
  return (
    <div className="space-y-4">
      <ChartFrame
        id="cluster-sizes"
        title="Cluster sizes"
        summary={summarizeClusters(clusters)}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: "Cluster", cell: (row) => row.name },
          { header: "Contacts", cell: (row) => formatCount(row.size), numeric: true },
          { header: "Share", cell: (row) => formatPercent(total > 0 ? row.size / total : 0), numeric: true },
        ]}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={GRID_STROKE} vertical={false} />
            <XAxis dataKey="name" tick={AXIS_TICK} interval={0} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} width={56} />
            <Tooltip formatter={(value) => [formatCount(Number(value)), "Contacts"]} />
            <Bar dataKey="size" fill={BAR_COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <div className="overflow-x-auto" role="region" aria-label="Cluster profiles" tabIndex={0}>
        <table className="min-w-full text-sm">
          <caption className="mb-1 text-left text-sm text-slate-700">
            <span className="block font-semibold text-slate-900">Cluster profiles</span>
            Each centre in standard deviations from the average purchaser.
          </caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 pr-4 font-medium">Cluster</th>
              <th scope="col" className="py-1 pr-4 font-medium">In plain words</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">Contacts</th>
              {features.map((feature) => (
                <th key={feature} scope="col" className="py-1 pr-4 text-right font-medium">
                  {humanize(feature)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cluster) => (
              <tr key={cluster.id} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-4 text-left font-medium whitespace-nowrap">{cluster.name}</th>
                <td className="min-w-48 py-1 pr-4">{cluster.description}</td>
                <td className="py-1 pr-4 text-right tabular-nums">{formatCount(cluster.size)}</td>
                {features.map((feature) => (
                  <td key={feature} className="py-1 pr-4 text-right tabular-nums">
                    {formatStandardScore(cluster.centroid[feature])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
