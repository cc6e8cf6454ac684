"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { summarizeClusters } from "../chart-summaries";
import { formatCount, formatPercent, formatStandardScore, humanize } from "../format";
import type { ScoreCharts } from "../types";
import { DataTable, type Column } from "../../ui/table";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, BAR_COLOR, CHART_HEIGHT, GRID_STROKE } from "./chart-theme";

type Cluster = ScoreCharts["clusters"][number];

/** Cluster sizes as bars, then each cluster's profile: its description and its centre. */
export function ClustersChart({ clusters }: { clusters: Cluster[] }) {
  const total = clusters.reduce((sum, cluster) => sum + cluster.size, 0);
  const rows = [...clusters].sort((p, q) => p.id - q.id).map((cluster) => ({ ...cluster, name: `Cluster ${cluster.id + 1}` }));
  const features = [...new Set(rows.flatMap((cluster) => Object.keys(cluster.centroid)))];
  const centreColumns = features.map(
    (feature): Column<(typeof rows)[number]> => ({
      key: feature,
      header: humanize(feature),
      align: "right",
      className: "tabular-nums",
      cell: (cluster) => formatStandardScore(cluster.centroid[feature]),
    }),
  );
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
      <DataTable
        look="quiet"
        density="tight"
        padLastColumn
        scrollLabel="Cluster profiles"
        caption={
          <>
            <span className="block font-semibold text-slate-900">Cluster profiles</span>
            Each centre in standard deviations from the average purchaser.
          </>
        }
        captionClassName="mb-1 text-left text-sm text-slate-700"
        rows={rows}
        rowKey={(cluster) => cluster.id}
        columns={[
          { key: "cluster", header: "Cluster", rowHeader: true, className: "text-left font-medium whitespace-nowrap", cell: (cluster) => cluster.name },
          { key: "description", header: "In plain words", className: "min-w-48", cell: (cluster) => cluster.description },
          { key: "size", header: "Contacts", align: "right", className: "tabular-nums", cell: (cluster) => formatCount(cluster.size) },
          ...centreColumns,
        ]}
      />
    </div>
  );
}
