import type pg from "pg";
import { featureInsertSql } from "./feature-sql";

/** Above this share of contacts in scope, one full pass is cheaper than the scoped one. */
const INCREMENTAL_MAX_SHARE = 0.5;
/** The longest time window a feature counts over: contacts active within it must be refreshed. */
const WINDOW_DAYS = 90;

export type FeaturePass = { mode: "full" | "incremental"; contacts: number; eventWatermark: string };

/**
 * Refreshes contact_feature for a workspace as of `now`. Incremental when features exist: only
 * contacts with events newer than the last pass's watermark (event ids only grow) or with any
 * activity inside the longest window (their window counts slide) are recomputed; everyone else's
 * row is still exact. Falls back to a full pass when that is most contacts anyway.
 */
export async function computeContactFeatures(
  client: pg.Client,
  workspaceId: string,
  now: Date,
  previousWatermark: string | null,
): Promise<FeaturePass> {
  const watermark = await client.query<{ max: string | null }>("select max(id)::text as max from event where workspace_id = $1", [workspaceId]);
  const eventWatermark = watermark.rows[0]?.max ?? "0";
  await client.query("begin");
  try {
    let incremental = false;
    if (previousWatermark !== null) {
      await client.query("create temp table scoring_scope (contact_id bigint primary key) on commit drop");
      await client.query(
        `insert into scoring_scope
         select contact_id from event where workspace_id = $1 and id > $2::bigint
         union
         select contact_id from contact_feature where workspace_id = $1 and last_event_at >= $3::timestamptz - interval '${WINDOW_DAYS + 1} days'
         union
         select c.id from contact c left join contact_feature f on f.contact_id = c.id where c.workspace_id = $1 and f.contact_id is null`,
        [workspaceId, previousWatermark, now],
      );
      const [scope, all] = await Promise.all([
        client.query<{ n: number }>("select count(*)::int as n from scoring_scope"),
        client.query<{ n: number }>("select count(*)::int as n from contact where workspace_id = $1", [workspaceId]),
      ]);
      incremental = scope.rows[0]!.n <= INCREMENTAL_MAX_SHARE * all.rows[0]!.n;
    }
    if (incremental) {
      await client.query("delete from contact_feature where workspace_id = $1 and contact_id in (select contact_id from scoring_scope)", [workspaceId]);
    } else {
      await client.query("delete from contact_feature where workspace_id = $1", [workspaceId]);
    }
    const inserted = await client.query(featureInsertSql({ table: "contact_feature", scope: incremental ? "scoring_scope" : null }), [workspaceId, now]);
    await client.query("commit");
    // Fresh statistics: the fit and apply queries plan their joins on this table.
    await client.query("analyze contact_feature");
    return { mode: incremental ? "incremental" : "full", contacts: inserted.rowCount ?? 0, eventWatermark };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}
