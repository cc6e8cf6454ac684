// Chart data of a run, aggregated set-wise from its staging table (and the features behind it).
import type pg from "pg";
import type { ScoreCharts } from "./views";

const CLV_BINS = 20;
const CHURN_BINS = 10;
const NO_HOURS = "array_fill(0, array[24])";

type StagingCharts = Pick<ScoreCharts, "rfmGrid" | "rfmSegments" | "clvHistogram" | "churnHistogram" | "sendHours"> & { clusterSizes: Map<number, number> };

export async function stagingCharts(client: pg.ClientBase, table: string): Promise<StagingCharts> {
  const rfmGrid = await client.query<{ r: number; f: number; count: number; avg_monetary: number }>(
    `select s.rfm_recency::int as r, s.rfm_frequency::int as f, count(*)::int as count, avg(f.monetary_total)::float8 as avg_monetary
     from ${table} s join contact_feature f on f.contact_id = s.contact_id
     where s.rfm_recency is not null group by 1, 2 order by 1, 2`,
  );
  const rfmSegments = await client.query<{ segment: string; count: number }>(
    `select rfm_segment as segment, count(*)::int as count from ${table} where rfm_segment is not null group by 1 order by 2 desc, 1`,
  );
  const clv = await client.query<{ bin: number; count: number; width: number; max: number }>(
    `with bounds as (
       select greatest(percentile_cont(0.99) within group (order by predicted_clv), 1e-9) / ${CLV_BINS} as width, max(predicted_clv) as max
       from ${table} where predicted_clv is not null
     )
     select least(greatest(floor(s.predicted_clv / b.width), 0), ${CLV_BINS - 1})::int as bin, count(*)::int as count, b.width::float8 as width, b.max::float8 as max
     from ${table} s cross join bounds b where s.predicted_clv is not null group by 1, 3, 4 order by 1`,
  );
  const churn = await client.query<{ bin: number; count: number }>(
    `select least(floor(churn_risk * ${CHURN_BINS}), ${CHURN_BINS - 1})::int as bin, count(*)::int as count
     from ${table} where churn_risk is not null group by 1 order by 1`,
  );
  // Contacts without a single open, click, visit or order get the workspace prior's hour: counted apart.
  const sendHours = await client.query<{ hour: number; count: number; prior_only: number }>(
    `select s.best_send_hour::int as hour, count(*)::int as count,
       count(*) filter (where coalesce(f.engagement_hours = ${NO_HOURS} and f.activity_hours = ${NO_HOURS} and f.purchase_hours = ${NO_HOURS}, true))::int as prior_only
     from ${table} s left join contact_feature f on f.contact_id = s.contact_id
     where s.best_send_hour is not null group by 1 order by 1`,
  );
  const clusters = await client.query<{ cluster: number; count: number }>(
    `select cluster, count(*)::int as count from ${table} where cluster is not null group by 1`,
  );
  return {
    rfmGrid: rfmGrid.rows.map((row) => ({ r: row.r, f: row.f, count: row.count, avgMonetary: Number(row.avg_monetary.toFixed(2)) })),
    rfmSegments: rfmSegments.rows,
    clvHistogram: clv.rows.map((row) => ({
      from: Number((row.bin * row.width).toFixed(2)),
      to: Number((row.bin === CLV_BINS - 1 ? Math.max(row.max, (row.bin + 1) * row.width) : (row.bin + 1) * row.width).toFixed(2)),
      count: row.count,
    })),
    churnHistogram: churn.rows.map((row) => ({ from: row.bin / CHURN_BINS, to: (row.bin + 1) / CHURN_BINS, count: row.count })),
    sendHours: sendHours.rows.map((row) => ({ hour: row.hour, count: row.count, priorOnly: row.prior_only })),
    clusterSizes: new Map(clusters.rows.map((row) => [row.cluster, row.count])),
  };
}
