// A run's scores land in an unlogged table of its own (schema scoring_staging) and reach
// contact_score only in the swap, in one transaction: a failed run never touches the live scores.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export const SCORE_COLUMNS = [
  "contact_id",
  "workspace_id",
  "run_id",
  "computed_at",
  "rfm_recency",
  "rfm_frequency",
  "rfm_monetary",
  "rfm_segment",
  "probability_alive",
  "churn_risk",
  "expected_purchases_90d",
  "expected_spend",
  "predicted_clv",
  "propensity_30d",
  "cluster",
  "cluster_label",
  "best_send_hour",
  "recommendations",
] as const;

/** The staging table of a run; the name derives from the run's uuid only. */
export function stagingTable(runId: string): string {
  const hex = runId.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`Not a run id: ${runId}`);
  return `scoring_staging.run_${hex}`;
}

export async function createStagingTable(client: pg.ClientBase, runId: string): Promise<string> {
  const table = stagingTable(runId);
  await client.query(`drop table if exists ${table}`);
  await client.query(`create unlogged table ${table} (like contact_score)`);
  return table;
}

export async function dropStagingTable(client: pg.ClientBase, runId: string): Promise<void> {
  await client.query(`drop table if exists ${stagingTable(runId)}`);
}

/** COPY text format of one value: \N for null, backslash escapes for the rest. */
export function copyValue(value: string | number | null | readonly string[]): string {
  if (value === null) return "\\N";
  if (Array.isArray(value)) return `{${value.join(",")}}`;
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}

export async function copyRows(client: pg.ClientBase, table: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`copy ${table} (${SCORE_COLUMNS.join(", ")}) from stdin`));
  await pipeline(Readable.from([lines.join("")]), stream);
}
