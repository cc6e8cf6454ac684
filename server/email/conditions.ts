import { z } from "zod";

/*
 * Show-if conditions for email blocks. This is the subset an email needs — contact attributes,
 * scores and segment membership, in nested all/any groups — and it MUST converge with the segment
 * condition schema (server/segments/definition.ts, written in parallel and still in flux when this
 * was built): its `kind`/`op`/`children` groups and `valueType`+`op` predicates replace these
 * shapes once segments export a pure predicate evaluator that this file can call per recipient.
 * Event facts ("purchased twice in 30 days") reach emails as segment membership: the send job
 * precomputes the recipient's segment ids, so a block never runs a query per recipient.
 */

export const CONTACT_CONDITION_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "locale",
  "time_zone",
  "country",
  "region",
  "city",
] as const;

const scalarSchema = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

export const attributeOperatorSchema = z.enum([
  "eq",
  "neq",
  "contains",
  "not_contains",
  "starts_with",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "is_set",
  "is_not_set",
]);

export const attributeConditionSchema = z.object({
  type: z.literal("attribute"),
  /** A profile field (`city`) or a custom attribute (`attributes.vip_tier`). */
  field: z.string().regex(/^(?:[a-z_]+|attributes\.[A-Za-z0-9_-]{1,64})$/, "Pick a contact field or attribute"),
  operator: attributeOperatorSchema,
  value: z.union([scalarSchema, z.array(scalarSchema).max(100)]).optional(),
});

export const scoreConditionSchema = z.object({
  type: z.literal("score"),
  score: z.string().regex(/^[a-z0-9_]{1,64}$/, "Pick a score"),
  operator: z.enum(["eq", "neq", "gt", "gte", "lt", "lte"]),
  value: z.union([z.number().finite(), z.string().max(100)]),
});

export const segmentConditionSchema = z.object({
  type: z.literal("in_segment"),
  segmentId: z.string().min(1).max(64),
  negate: z.boolean().default(false),
});

export type AttributeCondition = z.infer<typeof attributeConditionSchema>;
export type ScoreCondition = z.infer<typeof scoreConditionSchema>;
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;
export type ConditionGroup = { type: "group"; match: "all" | "any"; conditions: Condition[] };
export type Condition = AttributeCondition | ScoreCondition | SegmentCondition | ConditionGroup;

const MAX_GROUP_DEPTH = 4;

export const conditionGroupSchema: z.ZodType<ConditionGroup> = z.object({
  type: z.literal("group"),
  match: z.enum(["all", "any"]),
  get conditions() {
    return z.array(conditionSchema).min(1, "A group needs at least one condition").max(20);
  },
});

export const conditionSchema: z.ZodType<Condition> = z
  .union([attributeConditionSchema, scoreConditionSchema, segmentConditionSchema, conditionGroupSchema])
  .refine((condition) => groupDepth(condition) <= MAX_GROUP_DEPTH, `Conditions nest at most ${MAX_GROUP_DEPTH} groups deep`);

function groupDepth(condition: Condition): number {
  return condition.type === "group" ? 1 + Math.max(0, ...condition.conditions.map(groupDepth)) : 0;
}

/** What a condition is evaluated against: plain data, prepared once per recipient by the send job. */
export type ConditionFacts = {
  contact: Record<string, unknown> & { attributes?: Record<string, unknown> };
  scores: Record<string, unknown>;
  segmentIds: ReadonlySet<string>;
};

export type ConditionPredicate = (facts: ConditionFacts) => boolean;

/** Compiles a condition once into a predicate, so per-recipient evaluation does no dispatch on shape. */
export function compileCondition(condition: Condition): ConditionPredicate {
  switch (condition.type) {
    case "group": {
      const parts = condition.conditions.map(compileCondition);
      return condition.match === "all" ? (facts) => parts.every((p) => p(facts)) : (facts) => parts.some((p) => p(facts));
    }
    case "in_segment": {
      const { segmentId, negate } = condition;
      return (facts) => facts.segmentIds.has(segmentId) !== negate;
    }
    case "score": {
      const { score, operator, value } = condition;
      return (facts) => compare(facts.scores[score], operator, value);
    }
    case "attribute": {
      const read = attributeReader(condition.field);
      const { operator, value } = condition;
      return (facts) => compare(read(facts), operator, value);
    }
  }
}

export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  return compileCondition(condition)(facts);
}

function attributeReader(field: string): (facts: ConditionFacts) => unknown {
  if (field.startsWith("attributes.")) {
    const key = field.slice("attributes.".length);
    return (facts) => facts.contact.attributes?.[key];
  }
  return (facts) => facts.contact[field];
}

type Operator = z.infer<typeof attributeOperatorSchema>;
type Operand = AttributeCondition["value"];

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "";
}

/** String comparisons ignore case: a marketer typing "new york" means the city "New York". */
function normalise(value: unknown): unknown {
  return typeof value === "string" ? value.toLocaleLowerCase("en") : value;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function equals(actual: unknown, expected: unknown): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null && typeof expected === "number") return a === b;
  return normalise(actual) === normalise(expected);
}

function compare(actual: unknown, operator: Operator, expected: Operand): boolean {
  switch (operator) {
    case "is_set":
      return isSet(actual);
    case "is_not_set":
      return !isSet(actual);
    case "eq":
      return isSet(actual) && equals(actual, expected);
    case "neq":
      return !isSet(actual) || !equals(actual, expected);
    case "in":
      return isSet(actual) && Array.isArray(expected) && expected.some((item) => equals(actual, item));
    case "contains":
    case "not_contains": {
      const found = typeof actual === "string" && typeof expected === "string" && String(normalise(actual)).includes(String(normalise(expected)));
      return operator === "contains" ? found : !found;
    }
    case "starts_with":
      return typeof actual === "string" && typeof expected === "string" && String(normalise(actual)).startsWith(String(normalise(expected)));
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === null || b === null) return false;
      if (operator === "gt") return a > b;
      if (operator === "gte") return a >= b;
      if (operator === "lt") return a < b;
      return a <= b;
    }
  }
}
