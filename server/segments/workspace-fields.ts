import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { BUILT_IN_FIELDS, OPERATORS_BY_TYPE, SCORE_FIELDS, type ValueType } from "./definition";

/** Contacts read to discover custom attribute keys: enough to see every key in use, bounded at a million contacts. */
export const ATTRIBUTE_SAMPLE_SIZE = 10_000;
/** Latest events read per event name to discover its property keys. */
export const PROPERTY_SAMPLE_SIZE = 200;
export const EVENT_COUNT_WINDOW_DAYS = 30;
/**
 * Recent events are counted up to this many per name ("10,000+"): enough to rank the names,
 * while counting every one took seconds at 10 million events.
 */
export const EVENT_COUNT_CAP = 10_000;
const MAX_KEYS = 200;
/** Text values suggested per field or key (JSON keys: distinct, alphabetical); longer values (URLs, ids) are left out. */
const MAX_EXAMPLES = 12;
const MAX_EXAMPLE_LENGTH = 60;

const JSON_TYPE_TO_VALUE_TYPE: Record<string, ValueType> = { string: "string", number: "number", boolean: "boolean" };
/** The value type the pickers suggest for a key, from the JSON type most of its values have. */
const valueTypeOf = (jsonType: string | null): ValueType => JSON_TYPE_TO_VALUE_TYPE[jsonType ?? ""] ?? "string";

export type WorkspaceFields = Awaited<ReturnType<typeof workspaceFields>>;

/**
 * What the builder's pickers offer: the built-in fields, the custom attribute keys seen in the
 * workspace (from a sample of contacts, with the most common JSON type as a guess of the value
 * type), the event names with their counts in the last 30 days and their property keys (typed
 * the same way), and the score fields (available once a scoring run has succeeded).
 */
export async function workspaceFields(db: Db, workspaceId: string, now: Date, eventCountCap = EVENT_COUNT_CAP) {
  // The text values of a JSON key (aliased k or p below, with a `value` column), deduplicated.
  const examplesOf = (alias: "k" | "p") => {
    const value = Prisma.raw(`${alias}.value`);
    return Prisma.sql`(array_agg(distinct ${value} #>> '{}') filter (where jsonb_typeof(${value}) = 'string' and length(${value} #>> '{}') <= ${MAX_EXAMPLE_LENGTH}::int))[1:${MAX_EXAMPLES}::int] as examples`;
  };
  const attributeQuery = db.$queryRaw<{ key: string; count: number; json_type: string | null; examples: string[] | null }[]>`
    select k.key, count(*)::int as count, mode() within group (order by jsonb_typeof(k.value)) as json_type, ${examplesOf("k")}
    from (select c.attributes from contact c where c.workspace_id = ${workspaceId}::uuid and jsonb_typeof(c.attributes) = 'object'
          limit ${ATTRIBUTE_SAMPLE_SIZE}::int) s
      cross join lateral jsonb_each(s.attributes) as k(key, value)
    group by k.key
    order by count desc, k.key
    limit ${MAX_KEYS}::int`;

  // The most common values of the built-in text fields a marketer filters by, from the same sample size.
  const builtInQuery = db.$queryRaw<{ field: string; examples: string[] }[]>`
    select f.field, (array_agg(f.value order by f.count desc, f.value))[1:${MAX_EXAMPLES}::int] as examples
    from (select v.field, v.value, count(*) as count
          from (select c.country, c.region, c.city, c.locale, c.time_zone from contact c where c.workspace_id = ${workspaceId}::uuid
                limit ${ATTRIBUTE_SAMPLE_SIZE}::int) s
            cross join lateral (values ('country', s.country), ('region', s.region), ('city', s.city), ('locale', s.locale), ('time_zone', s.time_zone)) as v(field, value)
          where v.value is not null and length(v.value) <= ${MAX_EXAMPLE_LENGTH}::int
          group by v.field, v.value) f
    group by f.field`;

  // Distinct names by skipping through event_workspace_id_name_occurred_at_idx (one probe per
  // name) rather than grouping every event of the workspace.
  const since = new Date(now.getTime() - EVENT_COUNT_WINDOW_DAYS * 86_400_000).toISOString();
  type PropertyKeyRow = { key: string; count: number; json_type: string | null; examples: string[] | null };
  const eventQuery = db.$queryRaw<{ name: string; recent_count: number; property_keys: PropertyKeyRow[] | null }[]>`
    with recursive names(name) as (
      (select e.name from event e where e.workspace_id = ${workspaceId}::uuid order by e.name limit 1)
      union all
      select (select e.name from event e where e.workspace_id = ${workspaceId}::uuid and e.name > n.name order by e.name limit 1)
      from names n where n.name is not null
    )
    select n.name,
      (select count(*)::int from (select 1 from event e
        where e.workspace_id = ${workspaceId}::uuid and e.name = n.name and e.occurred_at >= ${since}::timestamptz
        limit ${eventCountCap}::int) capped) as recent_count,
      (select jsonb_agg(jsonb_build_object('key', k.key, 'count', k.count, 'json_type', k.json_type, 'examples', k.examples) order by k.count desc, k.key)
        from (select p.key, count(*)::int as count, mode() within group (order by jsonb_typeof(p.value)) as json_type,
                ${examplesOf("p")}
              from (select e.properties from event e
                    where e.workspace_id = ${workspaceId}::uuid and e.name = n.name and jsonb_typeof(e.properties) = 'object'
                    order by e.occurred_at desc limit ${PROPERTY_SAMPLE_SIZE}::int) recent
                cross join lateral jsonb_each(recent.properties) as p(key, value)
              group by p.key) k) as property_keys
    from names n
    where n.name is not null
    limit ${MAX_KEYS}::int`;

  // Score fields hold values once a scoring run has succeeded.
  const scoredQuery = db.scoreRun.count({ where: { workspaceId, status: "succeeded" } });

  const [attributeRows, builtInRows, eventRows, scored] = await Promise.all([attributeQuery, builtInQuery, eventQuery, scoredQuery]);
  const builtInExamples = new Map(builtInRows.map((row) => [row.field, row.examples]));

  return {
    builtIn: Object.entries(BUILT_IN_FIELDS).map(([field, { label, type }]) => ({
      field,
      label,
      valueType: type,
      /** Values the value input suggests: the most common first. */
      examples: builtInExamples.get(field) ?? [],
    })),
    customAttributes: attributeRows.map((row) => ({
      field: `attributes.${row.key}`,
      key: row.key,
      count: row.count,
      valueType: valueTypeOf(row.json_type),
      examples: row.examples ?? [],
    })),
    attributeSampleSize: ATTRIBUTE_SAMPLE_SIZE,
    events: eventRows
      .map((row) => ({
        name: row.name,
        recentCount: row.recent_count,
        propertyKeys: (row.property_keys ?? []).map((key) => ({
          key: key.key,
          count: key.count,
          valueType: valueTypeOf(key.json_type),
          /** Text values seen on those events, for the value input to suggest ("shoes", "bags"). */
          examples: key.examples ?? [],
        })),
      }))
      .sort((a, b) => b.recentCount - a.recentCount || a.name.localeCompare(b.name)),
    eventCountWindowDays: EVENT_COUNT_WINDOW_DAYS,
    eventCountCap,
    scores: Object.entries(SCORE_FIELDS).map(([field, valueType]) => ({ field, valueType, available: scored > 0 })),
    operatorsByType: OPERATORS_BY_TYPE,
  };
}
