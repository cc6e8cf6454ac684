import { Prisma } from "../db/generated/client";
import { endOfBound, ISO_DATE_PATTERN, startOfBound, WINDOW_UNIT_MS } from "./dates";
import type { Predicate, ValueType } from "./definition";

/** Numeric text a custom attribute or property may hold ("42", "-3.5"); bounded so the cast cannot overflow. */
export const NUMERIC_TEXT_PATTERN = "^-?[0-9]{1,15}(\\.[0-9]{1,15})?$";

export const instantSql = (epochMs: number) => Prisma.sql`${new Date(epochMs).toISOString()}::timestamptz`;

/**
 * A JSON value read as `valueType`, or SQL null when it is absent or of another kind: strings as
 * they are; numbers from JSON numbers or numeric strings; booleans from JSON booleans or the
 * strings "true"/"false"; dates from strings of the ISO grammar in dates.ts (UTC for a bare
 * date). CASE branches run in order, so no cast ever sees a value it would reject.
 */
export function jsonValueAs(json: Prisma.Sql, valueType: ValueType): Prisma.Sql {
  const textOf = Prisma.sql`(${json} #>> '{}')`;
  switch (valueType) {
    case "string":
      return Prisma.sql`(case when jsonb_typeof(${json}) = 'string' then ${textOf} end)`;
    case "number":
      return Prisma.sql`(case jsonb_typeof(${json})
        when 'number' then (${json})::float8
        when 'string' then (case when ${textOf} ~ ${NUMERIC_TEXT_PATTERN} then ${textOf}::float8 end) end)`;
    case "boolean":
      return Prisma.sql`(case jsonb_typeof(${json})
        when 'boolean' then (${json})::boolean
        when 'string' then (case ${textOf} when 'true' then true when 'false' then false end) end)`;
    case "date": {
      const year = Prisma.sql`substr(${textOf}, 1, 4)::int`;
      const month = Prisma.sql`substr(${textOf}, 6, 2)::int`;
      const daysInMonth = Prisma.sql`(case ${month}
        when 2 then (case when (${year} % 4 = 0 and ${year} % 100 <> 0) or ${year} % 400 = 0 then 29 else 28 end)
        when 4 then 30 when 6 then 30 when 9 then 30 when 11 then 30 else 31 end)`;
      return Prisma.sql`(case
        when jsonb_typeof(${json}) is distinct from 'string' then null
        when not (${textOf} ~ ${ISO_DATE_PATTERN}) then null
        when substr(${textOf}, 9, 2)::int > ${daysInMonth} then null
        when length(${textOf}) = 10 then (${textOf} || 'T00:00:00Z')::timestamptz
        else ${textOf}::timestamptz end)`;
    }
  }
}

const textParam = (value: unknown) => Prisma.sql`${String(value)}::text`;
const numberParam = (value: unknown) => Prisma.sql`${Number(value)}::float8`;

export type ValueExpression = {
  sql: Prisma.Sql;
  /** The column is stored lower-cased (email), so equality can skip lower() and use its index. */
  lowerCased?: boolean;
};

/** The comparison itself, for a value that is set (SQL null when it is not). */
function basePredicateSql(x: ValueExpression, predicate: Predicate, now: Date): Prisma.Sql {
  const { sql } = x;
  const lowered = x.lowerCased ? sql : Prisma.sql`lower(${sql})`;
  const isText = predicate.valueType === "string";
  switch (predicate.op) {
    case "equals":
    case "not_equals":
      if (isText) return Prisma.sql`${lowered} = lower(${textParam(predicate.value)})`;
      if (predicate.valueType === "number") return Prisma.sql`${sql} = ${numberParam(predicate.value)}`;
      return Prisma.sql`${sql} = ${Boolean(predicate.value)}::boolean`;
    case "contains":
      return Prisma.sql`strpos(lower(${sql}), lower(${textParam(predicate.value)})) > 0`;
    case "starts_with":
      return Prisma.sql`starts_with(lower(${sql}), lower(${textParam(predicate.value)}))`;
    case "in_list": {
      const values = predicate.values ?? [];
      if (isText) {
        return Prisma.sql`${lowered} = any(array(select lower(v) from unnest(${values.map(String)}::text[]) v))`;
      }
      return Prisma.sql`${sql} = any(${values.map(Number)}::float8[])`;
    }
    case "gt":
      return Prisma.sql`${sql} > ${numberParam(predicate.value)}`;
    case "gte":
      return Prisma.sql`${sql} >= ${numberParam(predicate.value)}`;
    case "lt":
      return Prisma.sql`${sql} < ${numberParam(predicate.value)}`;
    case "lte":
      return Prisma.sql`${sql} <= ${numberParam(predicate.value)}`;
    case "between":
      if (predicate.valueType === "date") {
        return Prisma.sql`${sql} between ${instantSql(startOfBound(String(predicate.from)))} and ${instantSql(endOfBound(String(predicate.to)))}`;
      }
      return Prisma.sql`${sql} between ${numberParam(predicate.from)} and ${numberParam(predicate.to)}`;
    case "before":
      return Prisma.sql`${sql} < ${instantSql(startOfBound(String(predicate.value)))}`;
    case "after":
      return Prisma.sql`${sql} > ${instantSql(endOfBound(String(predicate.value)))}`;
    case "within_last_days":
      return Prisma.sql`${sql} between ${instantSql(now.getTime() - (predicate.days ?? 0) * WINDOW_UNIT_MS.days)} and ${instantSql(now.getTime())}`;
    case "is_set":
    case "is_not_set":
      return Prisma.sql`${sql} is not null`;
  }
}

const INVERTED_OPERATORS: ReadonlySet<Predicate["op"]> = new Set(["not_equals", "is_not_set"]);

/**
 * The predicate as a boolean expression. Positive forms may be SQL null for an unset value
 * (they only appear where null and false mean the same: under AND/OR, never under NOT);
 * negated forms are made null-safe, so "country is not US" includes contacts without a country.
 */
export function predicateSql(x: ValueExpression, predicate: Predicate, now: Date, negated = false): Prisma.Sql {
  const base = basePredicateSql(x, predicate, now);
  const inverted = INVERTED_OPERATORS.has(predicate.op) !== negated;
  return inverted ? Prisma.sql`not coalesce(${base}, false)` : base;
}
