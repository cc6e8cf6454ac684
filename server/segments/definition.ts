import { z } from "zod";
import { parseIsoInstant } from "./dates";

/**
 * The segment definition: a versioned JSON document of nested AND/OR groups of conditions.
 * This file is its single source of truth; the builder UI, the API, the SQL compiler, the
 * reference evaluator and the summary all read the types inferred here.
 */
export const SEGMENT_DEFINITION_VERSION = 1;
export const MAX_GROUP_DEPTH = 6;
export const MAX_CONDITIONS = 100;
export const MAX_LIST_VALUES = 1000;
export const MAX_PROPERTY_FILTERS = 10;

export const VALUE_TYPES = ["string", "number", "boolean", "date"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "starts_with",
  "in_list",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "is_set",
  "is_not_set",
  "before",
  "after",
  "within_last_days",
] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  string: ["equals", "not_equals", "contains", "starts_with", "in_list", "is_set", "is_not_set"],
  number: ["equals", "not_equals", "in_list", "gt", "gte", "lt", "lte", "between", "is_set", "is_not_set"],
  boolean: ["equals", "not_equals", "is_set", "is_not_set"],
  date: ["before", "after", "between", "within_last_days", "is_set", "is_not_set"],
};

/** Built-in contact columns a condition may name; the compiler maps each to its column. */
export const BUILT_IN_FIELDS = {
  email: { label: "email", type: "string" },
  external_id: { label: "external id", type: "string" },
  first_name: { label: "first name", type: "string" },
  last_name: { label: "last name", type: "string" },
  phone: { label: "phone", type: "string" },
  locale: { label: "locale", type: "string" },
  time_zone: { label: "time zone", type: "string" },
  country: { label: "country", type: "string" },
  region: { label: "region", type: "string" },
  city: { label: "city", type: "string" },
  created_at: { label: "created date", type: "date" },
  first_seen_at: { label: "first seen date", type: "date" },
  last_seen_at: { label: "last seen date", type: "date" },
} as const satisfies Record<string, { label: string; type: ValueType }>;
export type BuiltInField = keyof typeof BUILT_IN_FIELDS;
export const CUSTOM_ATTRIBUTE_PREFIX = "attributes.";

/** The per-contact figures the scoring issue will compute; conditions on them are accepted but not compiled yet. */
export const SCORE_FIELDS = {
  rfm_segment: "string",
  propensity: "number",
  churn_risk: "number",
  cluster: "string",
  predicted_clv: "number",
  total_spend: "number",
  orders: "number",
  last_purchase_at: "date",
} as const satisfies Record<string, ValueType>;
export type ScoreField = keyof typeof SCORE_FIELDS;

/** The event column that holds revenue; any other property name reads the event's properties JSON. */
export const REVENUE_PROPERTY = "revenue";

export const CONSENT_PURPOSES = ["email_marketing", "tracking"] as const;
export const CONSENT_CONDITION_STATES = ["granted", "withdrawn", "denied", "none"] as const;
export const SUPPRESSION_REASONS = ["hard_bounce", "complaint", "unsubscribe", "manual"] as const;
export const WINDOW_UNITS = ["minutes", "hours", "days"] as const;

const text = (max: number) => z.string().min(1, "Enter a value").max(max, `Use at most ${max} characters`);
const isoDate = z.string().refine((value) => parseIsoInstant(value) !== null, {
  message: "Use a date like 2026-03-01 or 2026-03-01T09:30Z",
});
const scalar = z.union([text(500), z.number().finite(), z.boolean()]);

/**
 * A test on one value: which operand fields apply depends on `op` (value for comparisons,
 * values for in_list, from/to for between, days for within_last_days, none for is_set).
 * Kept flat, so that the builder can switch operators without losing what was typed.
 */
const predicateShape = {
  valueType: z.enum(VALUE_TYPES),
  op: z.enum(OPERATORS),
  value: scalar.optional(),
  values: z.array(z.union([text(500), z.number().finite()])).max(MAX_LIST_VALUES, `Use at most ${MAX_LIST_VALUES} values`).optional(),
  from: z.union([text(40), z.number().finite()]).optional(),
  to: z.union([text(40), z.number().finite()]).optional(),
  days: z.number().int().min(1, "Use at least 1 day").max(36_500).optional(),
};

export const propertyFilterSchema = z.object({ property: text(200), ...predicateShape });

const windowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ever") }),
  z.object({ kind: z.literal("last"), amount: z.number().int().min(1).max(100_000), unit: z.enum(WINDOW_UNITS) }),
  z.object({ kind: z.literal("between"), from: isoDate, to: isoDate }),
]);

const measureSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("count"),
    op: z.enum(["at_least", "at_most", "exactly"]),
    value: z.number().int().min(0).max(1_000_000),
  }),
  z.object({
    kind: z.literal("aggregate"),
    fn: z.enum(["sum", "avg"]),
    property: text(200),
    op: z.enum(["over", "under"]),
    value: z.number().finite(),
  }),
]);

const eventRefShape = {
  name: text(200),
  filters: z.array(propertyFilterSchema).max(MAX_PROPERTY_FILTERS, `Use at most ${MAX_PROPERTY_FILTERS} property filters`).default([]),
};

export const attributeConditionSchema = z.object({
  kind: z.literal("attribute"),
  /** A built-in field name, or `attributes.<key>` for a custom attribute. */
  field: text(200),
  ...predicateShape,
});

export const eventConditionSchema = z.object({
  kind: z.literal("event"),
  /** false: the contact did not do it (the whole measure is negated). */
  did: z.boolean(),
  ...eventRefShape,
  measure: measureSchema.default({ kind: "count", op: "at_least", value: 1 }),
  window: windowSchema.default({ kind: "ever" }),
});

/** "Did A (in the window), then did not do B within N minutes" — the abandoned cart. */
export const sequenceConditionSchema = z.object({
  kind: z.literal("sequence"),
  first: z.object(eventRefShape),
  notFollowedBy: z.object(eventRefShape),
  withinMinutes: z.number().int().min(1).max(43_200),
  window: windowSchema.default({ kind: "ever" }),
});

export const consentConditionSchema = z.object({
  kind: z.literal("consent"),
  purpose: z.enum(CONSENT_PURPOSES),
  state: z.enum(CONSENT_CONDITION_STATES),
});

export const suppressionConditionSchema = z.object({
  kind: z.literal("suppression"),
  suppressed: z.boolean(),
  /** Only suppressions for these reasons count; empty means any reason. */
  reasons: z.array(z.enum(SUPPRESSION_REASONS)).default([]),
});

export const segmentConditionSchema = z.object({
  kind: z.literal("segment"),
  segmentId: z.string().min(1, "Choose a segment.").max(64, "Use at most 64 characters"),
  /** false: contacts not in that segment. */
  member: z.boolean(),
});

export const scoreConditionSchema = z.object({
  kind: z.literal("score"),
  field: z.enum(Object.keys(SCORE_FIELDS) as [ScoreField, ...ScoreField[]]),
  ...predicateShape,
});

const conditionSchemas = [
  attributeConditionSchema,
  eventConditionSchema,
  sequenceConditionSchema,
  consentConditionSchema,
  suppressionConditionSchema,
  segmentConditionSchema,
  scoreConditionSchema,
] as const;

export type AttributeCondition = z.infer<typeof attributeConditionSchema>;
export type EventCondition = z.infer<typeof eventConditionSchema>;
export type SequenceCondition = z.infer<typeof sequenceConditionSchema>;
export type ConsentCondition = z.infer<typeof consentConditionSchema>;
export type SuppressionCondition = z.infer<typeof suppressionConditionSchema>;
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;
export type ScoreCondition = z.infer<typeof scoreConditionSchema>;
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;
export type EventWindow = z.infer<typeof windowSchema>;
export type EventMeasure = z.infer<typeof measureSchema>;
export type EventRef = { name: string; filters: PropertyFilter[] };
export type Condition =
  | AttributeCondition
  | EventCondition
  | SequenceCondition
  | ConsentCondition
  | SuppressionCondition
  | SegmentCondition
  | ScoreCondition;
export type Predicate = Pick<AttributeCondition, keyof typeof predicateShape>;

export type Group = {
  kind: "group";
  op: "and" | "or";
  /** true: contacts who do NOT match the group. */
  negate?: boolean;
  children: SegmentNode[];
};
export type SegmentNode = Group | Condition;

export const groupSchema: z.ZodType<Group> = z.object({
  kind: z.literal("group"),
  op: z.enum(["and", "or"]),
  negate: z.boolean().optional(),
  get children() {
    return z.array(nodeSchema).max(MAX_CONDITIONS, `A group holds at most ${MAX_CONDITIONS} conditions`);
  },
});

const nodeSchema: z.ZodType<SegmentNode> = z.lazy(() => z.discriminatedUnion("kind", [groupSchema as never, ...conditionSchemas]));

export const segmentDefinitionSchema = z.object({
  version: z.literal(SEGMENT_DEFINITION_VERSION),
  root: groupSchema,
});
export type SegmentDefinition = { version: typeof SEGMENT_DEFINITION_VERSION; root: Group };

/** The type a field name reads as: fixed for built-in fields, declared for custom attributes. */
export function builtInField(field: string): BuiltInField | null {
  return Object.hasOwn(BUILT_IN_FIELDS, field) ? (field as BuiltInField) : null;
}

export function customAttributeKey(field: string): string | null {
  return field.startsWith(CUSTOM_ATTRIBUTE_PREFIX) && field.length > CUSTOM_ATTRIBUTE_PREFIX.length
    ? field.slice(CUSTOM_ATTRIBUTE_PREFIX.length)
    : null;
}
