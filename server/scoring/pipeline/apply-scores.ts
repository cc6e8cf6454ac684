// The apply stage: every contact's feature row streamed from Postgres through a cursor, scored
// in Node with the fitted models and COPYed into the run's staging table, a batch at a time —
// memory stays flat whatever the audience size.
import type pg from "pg";
import { copyRows, copyValue, createStagingTable } from "../store/staging";
import { createContactScorer, type ContactRow, type ContactScores } from "./contact-row";
import { featureColumnsSql, toContactFeatures, type FeatureRecord } from "./feature-row";
import type { FittedModels } from "./fitted-models";
import { productInteractionsSql } from "./load-samples";

const BATCH_ROWS = 10_000;
/** Recommendations look at the last half year of views and purchases. */
const HISTORY_DAYS = 180;

type CursorRow = FeatureRecord & {
  time_zone: string | null;
  r: number | null;
  f: number | null;
  m: number | null;
  products: string[] | null;
  purchased: boolean[] | null;
};

// RFM quintiles set-wise, the SQL twin of rfm.ts rfmScores: 1 + ⌊5·(k − 1)/n⌋ for the k-th buyer
// in each order, ties broken by the other two measures and then by contact id, so that equal
// values spread over neighbouring scores as ntile does; recency in whole days, fewer scoring higher.
export const scoringCursorSql = (withHistory: boolean) => `
  select ${featureColumnsSql({ hours: true })}, c.time_zone, r.r, r.f, r.m,
    ${withHistory ? "h.products, h.purchased" : "null::text[] as products, null::boolean[] as purchased"}
  from contact_feature f
  join contact c on c.id = f.contact_id
  left join (
    select contact_id,
      (1 + (5 * (row_number() over (order by days desc, orders, monetary_total, contact_id) - 1)) / count(*) over ())::int as r,
      (1 + (5 * (row_number() over (order by orders, days desc, monetary_total, contact_id) - 1)) / count(*) over ())::int as f,
      (1 + (5 * (row_number() over (order by monetary_total, orders, days desc, contact_id) - 1)) / count(*) over ())::int as m
    from (
      select contact_id, orders, monetary_total, floor(extract(epoch from $2::timestamptz - last_purchase_at) / 86400) as days
      from contact_feature where workspace_id = $1 and orders > 0
    ) buyers
  ) r on r.contact_id = f.contact_id
  ${
    withHistory
      ? `left join (
    select contact_id, array_agg(product_id::text order by occurred_at desc) as products, array_agg(purchased order by occurred_at desc) as purchased
    from (${productInteractionsSql(`and e.occurred_at > $2::timestamptz - interval '${HISTORY_DAYS} days' and e.occurred_at <= $2::timestamptz`)}) interactions
    group by contact_id
  ) h on h.contact_id = f.contact_id`
      : ""
  }
  where f.workspace_id = $1
  order by f.contact_id`;

function toContactRow(row: CursorRow): ContactRow {
  return {
    ...toContactFeatures(row),
    timeZone: row.time_zone,
    rfm: row.r !== null && row.f !== null && row.m !== null ? { r: row.r, f: row.f, m: row.m } : null,
    products: row.products ?? [],
    purchased: row.purchased ?? [],
  };
}

function copyLine(scores: ContactScores, workspaceId: string, runId: string, computedAt: string): string {
  const values = [
    scores.contactId,
    workspaceId,
    runId,
    computedAt,
    scores.rfmRecency,
    scores.rfmFrequency,
    scores.rfmMonetary,
    scores.rfmSegment,
    scores.probabilityAlive,
    scores.churnRisk,
    scores.expectedPurchases90d,
    scores.expectedSpend,
    scores.predictedClv,
    scores.propensity30d,
    scores.cluster,
    scores.clusterLabel,
    scores.bestSendHour,
    scores.recommendations.length > 0 ? scores.recommendations : null,
  ];
  return `${values.map(copyValue).join("\t")}\n`;
}

export type ApplyArgs = {
  /** Reads the cursor. */
  client: pg.Client;
  /** COPYs into the staging table meanwhile, so Postgres streams the next batch while Node scores this one. */
  writer: pg.Client;
  workspaceId: string;
  runId: string;
  fitted: FittedModels;
  onBatch: (scored: number) => Promise<void>;
  signal?: AbortSignal;
};

/** Scores every contact of the workspace into the run's staging table; returns how many. */
export async function applyScores({ client, writer, workspaceId, runId, fitted, onBatch, signal }: ApplyArgs): Promise<number> {
  const score = createContactScorer(fitted);
  const table = await createStagingTable(client, runId);
  let next: Promise<pg.QueryResult<CursorRow>> | null = null;
  await client.query("begin");
  try {
    // The cursor is read to the end: plan for all rows, not for the first 10 % (the default).
    await client.query("set local cursor_tuple_fraction = 1");
    await client.query(`declare scoring_cursor no scroll cursor for ${scoringCursorSql(fitted.recommender !== null)}`, [workspaceId, fitted.asOf]);
    const fetchBatch = () => client.query<CursorRow>(`fetch ${BATCH_ROWS} from scoring_cursor`);
    let scored = 0;
    next = fetchBatch();
    for (;;) {
      signal?.throwIfAborted();
      const { rows } = await next;
      if (rows.length === 0) break;
      next = fetchBatch();
      const lines = rows.map((row) => copyLine(score(toContactRow(row)), workspaceId, runId, fitted.asOf));
      await copyRows(writer, table, lines);
      scored += rows.length;
      await onBatch(scored);
    }
    await client.query("close scoring_cursor");
    await client.query("commit");
    return scored;
  } catch (error) {
    await next?.catch(() => undefined);
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}
