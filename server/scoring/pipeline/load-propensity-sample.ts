// The propensity model's training and held-out sets: a seeded sample of all contacts (buyers or
// not), their features recomputed by the feature pass itself at two past cut-offs, each labelled
// by whether the contact ordered in the following horizon. The sample's events are copied once
// into a temporary table, so both cut-off passes read a few hundred thousand rows, not the
// workspace's whole event table.
import type pg from "pg";
import { featureInsertSql } from "../features/feature-sql";
import { ORDER_COMPLETED } from "../features/event-names";
import { featureColumnsSql, toContactFeatures, type ContactFeatures, type FeatureRecord } from "./feature-row";

const DAY_MS = 86_400_000;

export type PropensitySet = {
  /** Days since the epoch at which the features were taken. */
  featureDay: number;
  contacts: ContactFeatures[];
  /** 1 when the contact ordered within the horizon after featureDay. */
  labels: Uint8Array;
};

export type PropensitySample = { train: PropensitySet; test: PropensitySet };

/**
 * Training set: features at asOf − 2·horizon, labels in the horizon after; held-out set: features
 * at asOf − horizon, labels in the last horizon. A contact enters a set once it had been seen
 * (signed up or active) by the set's cut-off.
 */
export async function loadPropensitySample(
  client: pg.Client,
  workspaceId: string,
  asOf: Date,
  { size, seed, horizonDays }: { size: number; seed: number; horizonDays: number },
): Promise<PropensitySample> {
  const testCutoff = new Date(asOf.getTime() - horizonDays * DAY_MS);
  const trainCutoff = new Date(asOf.getTime() - 2 * horizonDays * DAY_MS);
  await client.query("begin");
  try {
    await client.query("create temp table propensity_sample (contact_id bigint primary key) on commit drop");
    await client.query(
      `insert into propensity_sample
       select contact_id from contact_feature where workspace_id = $1 and first_event_at <= $4
       order by ((contact_id * 2654435761 + $3::bigint) % 2147483647) limit $2`,
      [workspaceId, size, seed, testCutoff],
    );
    await client.query("analyze propensity_sample");
    await client.query(
      `create temp table propensity_events on commit drop as
       select e.id, e.workspace_id, e.contact_id, e.name, e.revenue, e.occurred_at, e.properties
       from propensity_sample s join event e on e.contact_id = s.contact_id
       where e.workspace_id = $1 and e.occurred_at <= $2`,
      [workspaceId, asOf],
    );
    await client.query("analyze propensity_events");
    await client.query("create temp table propensity_features (like contact_feature) on commit drop");
    const setAt = async (cutoff: Date): Promise<PropensitySet> => {
      await client.query("truncate propensity_features");
      await client.query(featureInsertSql({ table: "propensity_features", scope: "propensity_sample" }), [workspaceId, cutoff]);
      const { rows } = await client.query<FeatureRecord & { label: boolean }>(
        `select ${featureColumnsSql({ hours: false })}, buyers.contact_id is not null as label
         from propensity_features f
         left join (
           select distinct contact_id from propensity_events
           where name = '${ORDER_COMPLETED}' and coalesce(revenue, 0) >= 0 and occurred_at > $1 and occurred_at <= $1::timestamptz + make_interval(days => $2)
         ) buyers on buyers.contact_id = f.contact_id
         where f.first_event_at <= $1 order by f.contact_id`,
        [cutoff, horizonDays],
      );
      return { featureDay: cutoff.getTime() / DAY_MS, contacts: rows.map(toContactFeatures), labels: Uint8Array.from(rows, (row) => (row.label ? 1 : 0)) };
    };
    const train = await setAt(trainCutoff);
    const test = await setAt(testCutoff);
    await client.query("commit");
    return { train, test };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}
