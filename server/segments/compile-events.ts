import { Prisma } from "../db/generated/client";
import { endOfBound, MINUTE_MS, startOfBound, WINDOW_UNIT_MS } from "./dates";
import {
  REVENUE_PROPERTY,
  type EventCondition,
  type EventMeasure,
  type EventRef,
  type EventWindow,
  type PropertyFilter,
  type SequenceCondition,
} from "./definition";
import { idSet, rowTest, type Compiled } from "./compile-sets";
import { RANK_DEPTH } from "./event-ranks";
import { instantSql, jsonValueAs, predicateSql, type ValueExpression } from "./compile-values";

/*
 * Event conditions become sets of contact ids, written so that Postgres can compute them
 * set-wise at a million contacts and ten million events:
 * - membership:      the set select e.contact_id from event e where workspace, name, window…
 *   (compile-sets.ts): read from event_workspace_id_name_occurred_at_idx alone, counted without
 *   `contact` when nothing else needs the contact row, else a semi-join (the planner chooses a hash
 *   join or probes by primary key); the sets of an OR are one union.
 * - non-membership:  not exists (select 1 from event e where e.contact_id = c.id and …), an anti-join;
 *   "not in" would not be pulled up and degrades to a per-row scan when the set outgrows work_mem.
 * - counts and sums: grouped once per contact (group by … having …) inside the set rather than a
 *   correlated count per contact: the name + time index bounds the work by the events in the
 *   window, whereas a correlated aggregate costs an index probe for every contact of the workspace.
 * - plain counts:    "did E at least N times" (no property filter, N within RANK_DEPTH, in the
 *   last D units or ever) is read from event_rank (event-ranks.ts): the contacts whose N-th most
 *   recent E is in the window. A contact whose ranks are stale, or who has an E after `now` (which
 *   would shift its ranks), is counted from its events instead.
 * A measure that zero events satisfy ("at most 2 times", "sum under 50") is compiled as NOT being
 * in the set of contacts that fail it, so contacts who never did the event are counted correctly.
 */

export type EventAlias = "e" | "a" | "b";
const alias = (name: EventAlias) => Prisma.raw(name);

/** An event property as a typed value: `revenue` is the event's column, anything else its properties JSON. */
export function propertyValue(name: EventAlias, property: string, valueType: "string" | "number" | "boolean" | "date"): ValueExpression {
  if (property === REVENUE_PROPERTY) return { sql: Prisma.sql`${alias(name)}.revenue` };
  return { sql: jsonValueAs(Prisma.sql`(${alias(name)}.properties -> ${property}::text)`, valueType) };
}

export function windowBounds(window: EventWindow, now: Date): { from?: number; to?: number } {
  switch (window.kind) {
    case "ever":
      return {};
    case "last":
      return { from: now.getTime() - window.amount * WINDOW_UNIT_MS[window.unit], to: now.getTime() };
    case "between":
      return { from: startOfBound(window.from), to: endOfBound(window.to) };
  }
}

function eventFilters(name: EventAlias, workspaceId: string, ref: EventRef, window: EventWindow, now: Date): Prisma.Sql[] {
  const e = alias(name);
  const conditions = [Prisma.sql`${e}.workspace_id = ${workspaceId}::uuid`, Prisma.sql`${e}.name = ${ref.name}::text`];
  const { from, to } = windowBounds(window, now);
  if (from !== undefined) conditions.push(Prisma.sql`${e}.occurred_at >= ${instantSql(from)}`);
  if (to !== undefined) conditions.push(Prisma.sql`${e}.occurred_at <= ${instantSql(to)}`);
  for (const filter of ref.filters) {
    conditions.push(indexablePropertySql(name, filter) ?? predicateSql(propertyValue(name, filter.property, filter.valueType), filter, now));
  }
  return conditions;
}

/** Categories of up to this many bytes are in event_category_idx (migration 20261128110000). */
const INDEXED_VALUE_BYTES = 1000;
/** Compared values of up to this many characters can only equal categories within that bound. */
const INDEXED_VALUE_CHARS = 100;

/** The JSON types whose ->> text could equal a given text, other than strings ('null' has none). */
const NON_STRING_JSON_TYPES = ["number", "boolean", "object", "array"];

/** Whether `value`, case aside, could be the text (->>) of a JSON number, boolean, object or array. */
export function couldBeTextOfOtherJson(value: string): boolean {
  return /^-?[0-9]/.test(value) || /^(true|false)$/i.test(value) || /^[[{]/.test(value);
}

/**
 * For a text property compared for equality, the exact test (a JSON string equal to the value,
 * case aside) in the form event_category_idx answers: `lower(properties ->> key) = lower(value)`,
 * which equals the value for strings and also for numbers, booleans, objects or arrays whose
 * text does, so that the type is ruled out too. Written "not one of the other types" rather than
 * "is a string" because Postgres, without statistics on that expression, estimates an equality
 * as matching 0.5% of rows and an exclusion of four values as 98%: an estimate a thousand times
 * too small would make the planner probe contacts one by one for a set of ten thousand.
 */
function indexablePropertySql(name: EventAlias, filter: PropertyFilter): Prisma.Sql | null {
  if (filter.property === REVENUE_PROPERTY || filter.valueType !== "string" || filter.op !== "equals") return null;
  const e = alias(name);
  const value = String(filter.value);
  const equal = Prisma.sql`lower(${e}.properties ->> ${filter.property}::text) = lower(${value}::text)`;
  // Only a value that reads like a number, a boolean, an object or an array needs the type ruled
  // out: no other JSON value has the text "shoes". The test costs ~1.5 µs a row (65k rows of one
  // benchmark segment).
  const test = couldBeTextOfOtherJson(value)
    ? Prisma.sql`${equal} and jsonb_typeof(${e}.properties -> ${filter.property}::text) <> all(${NON_STRING_JSON_TYPES}::text[])`
    : equal;
  if ([...value].length > INDEXED_VALUE_CHARS) return test;
  // Implied by the equality (a text lower-cases to at most twice its characters, of at most 4
  // bytes each), and stated so that the planner may use event_category_idx, which only holds
  // categories of up to INDEXED_VALUE_BYTES.
  return Prisma.sql`${test} and octet_length(${e}.properties ->> ${filter.property}::text) <= ${INDEXED_VALUE_BYTES}::int`;
}


type ContactSet = {
  /** Conditions on the events `e` of the set. */
  where: Prisma.Sql[];
  /** A per-contact aggregate test, or null when one matching event is enough. */
  having: Prisma.Sql | null;
};

/** The set whose members satisfy the measure (or fail it, when zero events satisfy it: `inverted`). */
function measureSet(measure: EventMeasure): { having: Prisma.Sql | null; inverted: boolean } {
  if (measure.kind === "count") {
    const n = measure.value;
    if (measure.op === "at_least") return { having: n <= 1 ? null : Prisma.sql`count(*) >= ${n}::int`, inverted: false };
    if (measure.op === "at_most") return { having: n === 0 ? null : Prisma.sql`count(*) > ${n}::int`, inverted: true };
    return n === 0 ? { having: null, inverted: true } : { having: Prisma.sql`count(*) = ${n}::int`, inverted: false };
  }
  const value = propertyValue("e", measure.property, "number").sql;
  const x = Prisma.sql`${measure.value}::float8`;
  if (measure.fn === "avg") {
    return { having: measure.op === "over" ? Prisma.sql`avg(${value}) > ${x}` : Prisma.sql`avg(${value}) < ${x}`, inverted: false };
  }
  // A contact without matching events (or without values) sums to 0.
  const sum = Prisma.sql`coalesce(sum(${value}), 0)`;
  if (measure.op === "over") return 0 > measure.value ? { having: Prisma.sql`${sum} <= ${x}`, inverted: true } : { having: Prisma.sql`${sum} > ${x}`, inverted: false };
  return 0 < measure.value ? { having: Prisma.sql`${sum} >= ${x}`, inverted: true } : { having: Prisma.sql`${sum} < ${x}`, inverted: false };
}

function membershipSql(set: ContactSet, negated: boolean): Compiled {
  const where = Prisma.join(set.where, " and ");
  if (!negated) {
    if (!set.having) return idSet(Prisma.sql`select e.contact_id from event e where ${where}`, false);
    return idSet(Prisma.sql`select e.contact_id from event e where ${where} group by e.contact_id having ${set.having}`, true);
  }
  if (!set.having) return rowTest(Prisma.sql`not exists (select 1 from event e where e.contact_id = c.id and ${where})`);
  return rowTest(
    Prisma.sql`not exists (select 1 from (select e.contact_id from event e where ${where} group by e.contact_id having ${set.having}) s where s.contact_id = c.id)`,
  );
}

/** The m of a count measure whose set is "at least m events" (at most 2 fails as at least 3), or null for "exactly N". */
export function leastCountOfSet(measure: EventMeasure): number | null {
  if (measure.kind !== "count") return null;
  if (measure.op === "at_least") return Math.max(measure.value, 1);
  if (measure.op === "at_most") return measure.value + 1;
  return measure.value === 0 ? 1 : null;
}

/**
 * The contacts with at least `least` events named E in the window, from event_rank: those whose
 * rank `least` is in the window, less those whose ranks are stale or who have an E after the
 * window's end ("last" windows end now), which would shift their ranks; these are counted from
 * their events. The planner sizes the anti-joins from the tables' current pages, so a burst of
 * stale pairs since the last ANALYZE still gets a hash rather than a scan per ranked contact.
 */
function rankedSetSql(workspaceId: string, name: string, least: number, window: EventWindow, now: Date): Prisma.Sql {
  const { from, to } = windowBounds(window, now);
  const ws = Prisma.sql`${workspaceId}::uuid`;
  const e = Prisma.sql`${name}::text`;
  const within = (table: "r" | "x") => [
    ...(from !== undefined ? [Prisma.sql`${Prisma.raw(table)}.occurred_at >= ${instantSql(from)}`] : []),
    ...(to !== undefined ? [Prisma.sql`${Prisma.raw(table)}.occurred_at <= ${instantSql(to)}`] : []),
  ];
  const recounted = [Prisma.sql`select s.contact_id from event_rank_stale s where s.workspace_id = ${ws} and s.name = ${e}`];
  if (to !== undefined) {
    recounted.push(Prisma.sql`select f.contact_id from event f where f.workspace_id = ${ws} and f.name = ${e} and f.occurred_at > ${instantSql(to)}`);
  }
  const ranked = [
    Prisma.sql`r.workspace_id = ${ws} and r.name = ${e} and r.rank = ${least}::int`,
    ...within("r"),
    ...recounted.map((set) => Prisma.sql`not exists (select 1 from (${set}) y where y.contact_id = r.contact_id)`),
  ];
  return Prisma.sql`select r.contact_id from event_rank r where ${Prisma.join(ranked, " and ")}
    union all
    select x.contact_id from event x where ${Prisma.join([Prisma.sql`x.workspace_id = ${ws} and x.name = ${e}`, ...within("x")], " and ")}
      and x.contact_id in (${Prisma.join(recounted, " union ")})
    group by x.contact_id having count(*) >= ${least}::int`;
}

function rankedCountSql(condition: EventCondition, workspaceId: string, now: Date): Prisma.Sql | null {
  const least = leastCountOfSet(condition.measure);
  if (least === null || least > RANK_DEPTH || condition.filters.length > 0 || condition.window.kind === "between") return null;
  return rankedSetSql(workspaceId, condition.name, least, condition.window, now);
}

export function eventConditionSql(condition: EventCondition, workspaceId: string, now: Date, negated: boolean): Compiled {
  const { having, inverted } = measureSet(condition.measure);
  const outsideSet = inverted !== !condition.did !== negated;
  const ranked = rankedCountSql(condition, workspaceId, now);
  if (ranked) return outsideSet ? rowTest(Prisma.sql`not exists (select 1 from (${ranked}) s where s.contact_id = c.id)`) : idSet(ranked, true);
  const where = eventFilters("e", workspaceId, condition, condition.window, now);
  return membershipSql({ where, having }, outsideSet);
}

/**
 * Contacts with an event A (in the window, at least `withinMinutes` ago, so that the time to
 * follow up has passed) not followed by B within that time. The inner NOT EXISTS probes
 * event_contact_id_occurred_at_idx with a time range per A event.
 */
export function sequenceConditionSql(condition: SequenceCondition, workspaceId: string, now: Date, negated: boolean): Compiled {
  const within = condition.withinMinutes;
  const latestFirst = now.getTime() - within * MINUTE_MS;
  // The bounds every B that can follow an A of the window lies within, repeated as constants so
  // that B is read as one range of the name + time index rather than as all Bs ever.
  const { from, to } = windowBounds(condition.window, now);
  const followUp = [
    ...eventFilters("b", workspaceId, condition.notFollowedBy, { kind: "ever" }, now),
    ...(from !== undefined ? [Prisma.sql`b.occurred_at >= ${instantSql(from)}`] : []),
    Prisma.sql`b.occurred_at <= ${instantSql(Math.min(to ?? latestFirst, latestFirst) + within * MINUTE_MS)}`,
  ];
  const first = [
    ...eventFilters("a", workspaceId, condition.first, condition.window, now),
    Prisma.sql`a.occurred_at <= ${instantSql(latestFirst)}`,
    Prisma.sql`not exists (select 1 from event b where b.contact_id = a.contact_id and ${Prisma.join(followUp, " and ")}
      and b.occurred_at >= a.occurred_at and b.occurred_at <= a.occurred_at + make_interval(mins => ${within}::int))`,
  ];
  const where = Prisma.join(first, " and ");
  if (negated) return rowTest(Prisma.sql`not exists (select 1 from event a where a.contact_id = c.id and ${where})`);
  return idSet(Prisma.sql`select a.contact_id from event a where ${where}`, false);
}
