import type {
  ConsentCondition,
  EventMeasure,
  EventWindow,
  Operator,
  ScoreField,
  SuppressionCondition,
  ValueType,
} from "@/server/segments/definition";

/**
 * The definition's vocabulary for the browser. definition.ts builds zod schemas at import time,
 * which would put zod into every builder page; these copies are checked against it by
 * vocabulary.test.ts, and the Record types make the compiler ask for any new member.
 */
export const OPERATORS_BY_TYPE: Record<ValueType, readonly Operator[]> = {
  string: ["equals", "not_equals", "contains", "starts_with", "in_list", "is_set", "is_not_set"],
  number: ["equals", "not_equals", "in_list", "gt", "gte", "lt", "lte", "between", "is_set", "is_not_set"],
  boolean: ["equals", "not_equals", "is_set", "is_not_set"],
  date: ["before", "after", "between", "within_last_days", "is_set", "is_not_set"],
};

export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  starts_with: "starts with",
  in_list: "is one of",
  gt: "is greater than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  between: "is between",
  is_set: "is set",
  is_not_set: "is not set",
  before: "is before",
  after: "is after",
  within_last_days: "is within the last",
};

export const VALUE_TYPE_LABELS: Record<ValueType, string> = { string: "text", number: "number", boolean: "true/false", date: "date" };

export const SCORE_FIELDS: Record<ScoreField, ValueType> = {
  rfm_segment: "string",
  propensity: "number",
  churn_risk: "number",
  cluster: "string",
  predicted_clv: "number",
  total_spend: "number",
  orders: "number",
  last_purchase_at: "date",
};

export const CONSENT_PURPOSE_LABELS: Record<ConsentCondition["purpose"], string> = {
  email_marketing: "Email marketing",
  tracking: "Tracking and profiling",
};

export const CONSENT_STATE_LABELS: Record<ConsentCondition["state"], string> = {
  granted: "granted",
  withdrawn: "withdrawn",
  denied: "denied",
  none: "never recorded",
};

export const SUPPRESSION_REASON_LABELS: Record<SuppressionCondition["reasons"][number], string> = {
  hard_bounce: "hard bounce",
  complaint: "spam complaint",
  unsubscribe: "unsubscribe",
  manual: "manual",
};

export const WINDOW_UNIT_LABELS: Record<Extract<EventWindow, { kind: "last" }>["unit"], string> = {
  minutes: "minutes",
  hours: "hours",
  days: "days",
};

export const COUNT_OP_LABELS: Record<Extract<EventMeasure, { kind: "count" }>["op"], string> = {
  at_least: "at least",
  at_most: "at most",
  exactly: "exactly",
};

/** The built-in property holding an event's revenue column; other properties read the JSON. */
export const REVENUE_PROPERTY = "revenue";

export const CONDITION_KIND_LABELS = {
  attribute: "Contact attribute",
  event: "Event",
  sequence: "Event sequence",
  consent: "Consent",
  suppression: "Suppression",
  segment: "Segment membership",
  score: "Score",
} as const;
