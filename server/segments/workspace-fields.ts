import type { Db } from "../db/client";
import { BUILT_IN_FIELDS, OPERATORS_BY_TYPE, SCORE_FIELDS, type ValueType } from "./definition";

/** Contacts read to discover custom attribute keys: enough to see every key in use, bounded at a million contacts. */
export const ATTRIBUTE_SAMPLE_SIZE = 10_000;
/** Latest events read per event name to discover its property keys. */
export const PROPERTY_SAMPLE_SIZE = 200;
export const EVENT_COUNT_WINDOW_DAYS = 30;
const MAX_KEYS = 200;

const JSON_TYPE_TO_VALUE_TYPE: Record<string, ValueType> = { string: "string", number: "number", boolean: "boolean" };

export type WorkspaceFields = Awaited<ReturnType<typeof workspaceFields>>;

/**
 * What the builder's pickers offer: the built-in fields, the custom attribute keys seen in the
 * workspace (from a sample of contacts, with the most common JSON type as a guess of the value
 * type), the event names with their counts in the last 30 days and their property keys, and the
 * score fields (available once a scoring run has succeeded).
 */
export async function workspaceFields(db: Db, workspaceId: string, now: Date) {
  const attributeRows = await db.$queryRaw<{ key: string; count: number; json_type: string | null }[]>`
    select k.key, count(*)::int as count, mode() within group (order by jsonb_typeof(s.attributes -> k.key)) as json_type
    from (select c.attributes from contact c where c.workspace_id = ${workspaceId}::uuid and jsonb_typeof(c.attributes) = 'object'
          limit ${ATTRIBUTE_SAMPLE_SIZE}::int) s
      cross join lateral jsonb_object_keys(s.attributes) as k(key)
    group by k.key
    order by count desc, k.key
    limit ${MAX_KEYS}::int`;

  // Distinct names by skipping through event_workspace_id_name_occurred_at_idx (one probe per
  // name) rather than grouping every event of the workspace.
  const since = new Date(now.getTime() - EVENT_COUNT_WINDOW_DAYS * 86_400_000).toISOString();
  const eventRows = await db.$queryRaw<{ name: string; recent_count: number; property_keys: { key: string; count: number }[] | null }[]>`
    with recursive names(name) as (
      (select e.name from event e where e.workspace_id = ${workspaceId}::uuid order by e.name limit 1)
      union all
      select (select e.name from event e where e.workspace_id = ${workspaceId}::uuid and e.name > n.name order by e.name limit 1)
      from names n where n.name is not null
    )
    select n.name,
      (select count(*)::int from event e
        where e.workspace_id = ${workspaceId}::uuid and e.name = n.name and e.occurred_at >= ${since}::timestamptz) as recent_count,
      (select jsonb_agg(jsonb_build_object('key', k.key, 'count', k.count) order by k.count desc, k.key)
        from (select p.key, count(*)::int as count
              from (select e.properties from event e
                    where e.workspace_id = ${workspaceId}::uuid and e.name = n.name and jsonb_typeof(e.properties) = 'object'
                    order by e.occurred_at desc limit ${PROPERTY_SAMPLE_SIZE}::int) recent
                cross join lateral jsonb_object_keys(recent.properties) as p(key)
              group by p.key) k) as property_keys
    from names n
    where n.name is not null
    limit ${MAX_KEYS}::int`;

  // Score fields hold values once a scoring run has succeeded.
  const scored = await db.scoreRun.count({ where: { workspaceId, status: "succeeded" } });

  return {
    builtIn: Object.entries(BUILT_IN_FIELDS).map(([field, { label, type }]) => ({ field, label, valueType: type })),
    customAttributes: attributeRows.map((row) => ({
      field: `attributes.${row.key}`,
      key: row.key,
      count: row.count,
      valueType: JSON_TYPE_TO_VALUE_TYPE[row.json_type ?? ""] ?? "string",
    })),
    attributeSampleSize: ATTRIBUTE_SAMPLE_SIZE,
    events: eventRows
      .map((row) => ({ name: row.name, recentCount: row.recent_count, propertyKeys: row.property_keys ?? [] }))
      .sort((a, b) => b.recentCount - a.recentCount || a.name.localeCompare(b.name)),
    eventCountWindowDays: EVENT_COUNT_WINDOW_DAYS,
    scores: Object.entries(SCORE_FIELDS).map(([field, valueType]) => ({ field, valueType, available: scored > 0 })),
    operatorsByType: OPERATORS_BY_TYPE,
  };
}
