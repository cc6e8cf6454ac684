import type { Condition, SegmentDefinition, SegmentNode } from "../definition";
import { referenceContact } from "../../../tests/factories/segments";
import type { ReferenceContact, ReferenceData, ReferenceEvent } from "../evaluate";

/*
 * A small hand-made audience and one case per operator, with the contacts each case must
 * match. The unit tests hold the reference evaluator to it; the integration tests hold the SQL
 * compiler (on Postgres) to it. Contacts are named so that the expectations read plainly.
 */

export const NOW = new Date("2026-03-01T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const hoursAgo = (h: number) => minutesAgo(h * 60);
const daysAgo = (d: number) => minutesAgo(d * 24 * 60);

export const SQL_LOOKING_NAME = "x'; drop table contact; --";
export const SQL_LOOKING_KEY = "a'); drop table event; --";

const NAMES = ["ana", "ben", "cid", "dee", "eve", "fay"] as const;
export type Name = (typeof NAMES)[number];

function contact(id: Name, fields: Partial<ReferenceContact>): ReferenceContact {
  return referenceContact(id, fields);
}

function event(contactId: Name, name: string, occurredAt: Date, properties: Record<string, unknown> = {}, revenue: number | null = null): ReferenceEvent {
  return { contactId, name, occurredAt, properties, revenue };
}

export const AUDIENCE: ReferenceData = {
  contacts: [
    contact("ana", {
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Lopez",
      country: "US",
      city: "Boston",
      attributes: { plan: "gold", age: 34, vip: true, birthday: "1990-05-01", score: "12.5" },
      createdAt: new Date("2025-06-01T00:00:00Z"),
      firstSeenAt: new Date("2025-06-01T00:00:00Z"),
      lastSeenAt: daysAgo(2),
    }),
    contact("ben", { email: "ben@example.com", firstName: "Ben", country: "us", attributes: { plan: "Silver", age: 19, vip: "false" }, lastSeenAt: daysAgo(90) }),
    contact("cid", { externalId: "ext-3", firstName: "Cid", country: "DE", attributes: { plan: 5, age: "41" } }),
    contact("dee", { email: "dee@shop.test", createdAt: new Date("2026-02-25T08:00:00Z") }),
    contact("eve", { email: "eve@example.com", country: "FR", attributes: { birthday: "2026-02-30", vip: true } }),
    contact("fay", { firstName: SQL_LOOKING_NAME, attributes: { [SQL_LOOKING_KEY]: "yes" } }),
  ],
  events: [
    event("ana", "Order Completed", daysAgo(1), { category: "shoes" }, 20),
    event("ana", "Order Completed", daysAgo(5), { category: "shoes" }, 30),
    event("ana", "Order Completed", daysAgo(12), { category: "bags" }, 40),
    event("ana", "Order Completed", daysAgo(29), {}, 10),
    ...[1, 2, 3, 4, 5].map((d) => event("ana", "Email Opened", daysAgo(d))),
    event("ben", "Order Completed", daysAgo(10), { category: "hats" }, 60),
    event("ben", "Product Added", hoursAgo(2), { cart_value: 80 }),
    ...Array.from({ length: 12 }, (_, i) => event("ben", "Product Viewed", daysAgo(i + 1))),
    event("cid", "Order Completed", daysAgo(40), {}, 5),
    event("cid", "Order Completed", daysAgo(42), {}, 5),
    event("cid", "Order Completed", daysAgo(45), {}, 5),
    event("cid", "Product Added", minutesAgo(20), { cart_value: "100" }),
    event("dee", "Product Added", hoursAgo(5), { cart_value: 70 }),
    event("dee", "Order Completed", minutesAgo(5 * 60 - 10), {}, 70),
    ...[1, 2, 3].map((d) => event("dee", "Product Viewed", daysAgo(d))),
    event("eve", "Product Added", hoursAgo(3), { cart_value: 30 }),
    event("eve", "Email Opened", daysAgo(3)),
    event("eve", "Email Opened", daysAgo(20)),
    // Categories whose text equals a compared value while only some are JSON strings.
    event("eve", "Wishlist Added", daysAgo(2), { category: 42 }),
    event("fay", "Wishlist Added", daysAgo(2), { category: "42" }),
    event("ben", "Wishlist Added", daysAgo(2), { category: true }),
    event("cid", "Wishlist Added", daysAgo(2), { category: "True" }),
  ],
  consents: [
    { contactId: "ana", purpose: "email_marketing", state: "granted" },
    { contactId: "ben", purpose: "email_marketing", state: "withdrawn" },
    { contactId: "cid", purpose: "tracking", state: "denied" },
    { contactId: "eve", purpose: "email_marketing", state: "granted" },
    { contactId: "eve", purpose: "tracking", state: "granted" },
  ],
  suppressions: [
    { contactId: "ben", email: "ben@example.com", reason: "unsubscribe" },
    { contactId: null, email: "dee@shop.test", reason: "hard_bounce" },
  ],
};

export const all = (...except: Name[]): Name[] => NAMES.filter((name) => !except.includes(name));

export function definitionOf(...children: SegmentNode[]): SegmentDefinition {
  return { version: 1, root: { kind: "group", op: "and", children } };
}

type AttrArgs = Omit<Extract<Condition, { kind: "attribute" }>, "kind">;
export const attr = (args: AttrArgs): Condition => ({ kind: "attribute", ...args });

type EventArgs = Partial<Omit<Extract<Condition, { kind: "event" }>, "kind">> & { name: string };
export const evt = (args: EventArgs): Condition => ({
  kind: "event",
  did: true,
  filters: [],
  measure: { kind: "count", op: "at_least", value: 1 },
  window: { kind: "ever" },
  ...args,
});

const last = (amount: number, unit: "minutes" | "hours" | "days" = "days") => ({ kind: "last" as const, amount, unit });

export type OperatorCase = { title: string; node: SegmentNode; expected: Name[] };

export const OPERATOR_CASES: OperatorCase[] = [
  { title: "string equals, ignoring case", node: attr({ field: "country", valueType: "string", op: "equals", value: "US" }), expected: ["ana", "ben"] },
  { title: "string not equals, including contacts without a value", node: attr({ field: "country", valueType: "string", op: "not_equals", value: "us" }), expected: ["cid", "dee", "eve", "fay"] },
  { title: "contains", node: attr({ field: "email", valueType: "string", op: "contains", value: "EXAMPLE" }), expected: ["ana", "ben", "eve"] },
  { title: "starts with", node: attr({ field: "email", valueType: "string", op: "starts_with", value: "DEE" }), expected: ["dee"] },
  { title: "email equals (stored lower-cased)", node: attr({ field: "email", valueType: "string", op: "equals", value: "Ben@Example.com" }), expected: ["ben"] },
  { title: "in list, ignoring case", node: attr({ field: "first_name", valueType: "string", op: "in_list", values: ["ana", "CID"] }), expected: ["ana", "cid"] },
  { title: "is set", node: attr({ field: "country", valueType: "string", op: "is_set" }), expected: ["ana", "ben", "cid", "eve"] },
  { title: "is not set", node: attr({ field: "country", valueType: "string", op: "is_not_set" }), expected: ["dee", "fay"] },
  { title: "date within the last N days", node: attr({ field: "last_seen_at", valueType: "date", op: "within_last_days", days: 30 }), expected: ["ana"] },
  { title: "date before", node: attr({ field: "last_seen_at", valueType: "date", op: "before", value: "2026-01-01" }), expected: ["ben"] },
  { title: "date after a day means after that whole day", node: attr({ field: "created_at", valueType: "date", op: "after", value: "2026-02-24" }), expected: ["dee"] },
  { title: "date between two days, inclusive", node: attr({ field: "created_at", valueType: "date", op: "between", from: "2025-12-31", to: "2026-01-01" }), expected: ["ben", "cid", "eve", "fay"] },
  { title: "custom string attribute", node: attr({ field: "attributes.plan", valueType: "string", op: "equals", value: "silver" }), expected: ["ben"] },
  { title: "custom string attribute is set only for text values", node: attr({ field: "attributes.plan", valueType: "string", op: "is_set" }), expected: ["ana", "ben"] },
  { title: "custom number attribute equals", node: attr({ field: "attributes.plan", valueType: "number", op: "equals", value: 5 }), expected: ["cid"] },
  { title: "number greater than, numeric text included", node: attr({ field: "attributes.age", valueType: "number", op: "gt", value: 30 }), expected: ["ana", "cid"] },
  { title: "number greater or equal", node: attr({ field: "attributes.age", valueType: "number", op: "gte", value: 41 }), expected: ["cid"] },
  { title: "number less than", node: attr({ field: "attributes.age", valueType: "number", op: "lt", value: 34 }), expected: ["ben"] },
  { title: "number less or equal", node: attr({ field: "attributes.age", valueType: "number", op: "lte", value: 34 }), expected: ["ana", "ben"] },
  { title: "number between, inclusive", node: attr({ field: "attributes.age", valueType: "number", op: "between", from: 19, to: 34 }), expected: ["ana", "ben"] },
  { title: "number in list", node: attr({ field: "attributes.age", valueType: "number", op: "in_list", values: [19, 41] }), expected: ["ben", "cid"] },
  { title: "number from decimal text", node: attr({ field: "attributes.score", valueType: "number", op: "gt", value: 12 }), expected: ["ana"] },
  { title: "boolean equals true", node: attr({ field: "attributes.vip", valueType: "boolean", op: "equals", value: true }), expected: ["ana", "eve"] },
  { title: "boolean from text", node: attr({ field: "attributes.vip", valueType: "boolean", op: "equals", value: false }), expected: ["ben"] },
  { title: "boolean not equals includes unset", node: attr({ field: "attributes.vip", valueType: "boolean", op: "not_equals", value: true }), expected: ["ben", "cid", "dee", "fay"] },
  { title: "custom date before", node: attr({ field: "attributes.birthday", valueType: "date", op: "before", value: "2000-01-01" }), expected: ["ana"] },
  { title: "custom date ignores impossible dates", node: attr({ field: "attributes.birthday", valueType: "date", op: "is_set" }), expected: ["ana"] },
  { title: "a value that looks like SQL is just a value", node: attr({ field: "first_name", valueType: "string", op: "equals", value: SQL_LOOKING_NAME }), expected: ["fay"] },
  { title: "a key that looks like SQL is just a key", node: attr({ field: `attributes.${SQL_LOOKING_KEY}`, valueType: "string", op: "is_set" }), expected: ["fay"] },
  { title: "did an event ever", node: evt({ name: "Order Completed" }), expected: ["ana", "ben", "cid", "dee"] },
  { title: "did not do an event", node: evt({ name: "Order Completed", did: false }), expected: ["eve", "fay"] },
  { title: "an event name that looks like SQL matches nothing", node: evt({ name: SQL_LOOKING_NAME }), expected: [] },
  { title: "at least N times in the last 30 days", node: evt({ name: "Order Completed", measure: { kind: "count", op: "at_least", value: 3 }, window: last(30) }), expected: ["ana"] },
  { title: "at most N times includes contacts who never did it", node: evt({ name: "Order Completed", measure: { kind: "count", op: "at_most", value: 1 }, window: last(30) }), expected: ["ben", "cid", "dee", "eve", "fay"] },
  { title: "exactly 0 times", node: evt({ name: "Order Completed", measure: { kind: "count", op: "exactly", value: 0 }, window: last(30) }), expected: ["cid", "eve", "fay"] },
  { title: "exactly N times", node: evt({ name: "Order Completed", measure: { kind: "count", op: "exactly", value: 3 } }), expected: ["cid"] },
  { title: "did not at least N times", node: evt({ name: "Order Completed", did: false, measure: { kind: "count", op: "at_least", value: 3 }, window: last(30) }), expected: ["ben", "cid", "dee", "eve", "fay"] },
  { title: "text equal to a number's text matches only the string", node: evt({ name: "Wishlist Added", filters: [{ property: "category", valueType: "string", op: "equals", value: "42" }] }), expected: ["fay"] },
  { title: "text equal to a boolean's text matches only the string", node: evt({ name: "Wishlist Added", filters: [{ property: "category", valueType: "string", op: "equals", value: "true" }] }), expected: ["cid"] },
  { title: "with a property filter", node: evt({ name: "Order Completed", filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }], measure: { kind: "count", op: "at_least", value: 2 } }), expected: ["ana"] },
  { title: "with a revenue filter", node: evt({ name: "Order Completed", filters: [{ property: "revenue", valueType: "number", op: "gt", value: 50 }] }), expected: ["ben", "dee"] },
  { title: "sum of revenue over X", node: evt({ name: "Order Completed", measure: { kind: "aggregate", fn: "sum", property: "revenue", op: "over", value: 50 }, window: last(30) }), expected: ["ana", "ben", "dee"] },
  { title: "sum under X includes contacts without events", node: evt({ name: "Order Completed", measure: { kind: "aggregate", fn: "sum", property: "revenue", op: "under", value: 50 }, window: last(30) }), expected: ["cid", "eve", "fay"] },
  { title: "average over X", node: evt({ name: "Order Completed", measure: { kind: "aggregate", fn: "avg", property: "revenue", op: "over", value: 30 }, window: last(30) }), expected: ["ben", "dee"] },
  { title: "average under X needs events", node: evt({ name: "Order Completed", measure: { kind: "aggregate", fn: "avg", property: "revenue", op: "under", value: 30 }, window: last(30) }), expected: ["ana"] },
  { title: "sum of a JSON property", node: evt({ name: "Product Added", measure: { kind: "aggregate", fn: "sum", property: "cart_value", op: "over", value: 60 } }), expected: ["ben", "cid", "dee"] },
  { title: "within the last N hours, bound included", node: evt({ name: "Product Added", window: last(3, "hours") }), expected: ["ben", "cid", "eve"] },
  { title: "within the last N minutes", node: evt({ name: "Product Added", window: last(30, "minutes") }), expected: ["cid"] },
  { title: "between two dates", node: evt({ name: "Order Completed", window: { kind: "between", from: "2026-01-10", to: "2026-01-20" } }), expected: ["cid"] },
  { title: "at least N emails opened in a week", node: evt({ name: "Email Opened", measure: { kind: "count", op: "at_least", value: 3 }, window: last(7) }), expected: ["ana"] },
  {
    title: "abandoned cart over 50: added, no order within 30 minutes",
    node: {
      kind: "sequence",
      first: { name: "Product Added", filters: [{ property: "cart_value", valueType: "number", op: "gt", value: 50 }] },
      notFollowedBy: { name: "Order Completed", filters: [] },
      withinMinutes: 30,
      window: { kind: "ever" },
    },
    expected: ["ben"],
  },
  {
    title: "sequence without a filter",
    node: { kind: "sequence", first: { name: "Product Added", filters: [] }, notFollowedBy: { name: "Order Completed", filters: [] }, withinMinutes: 30, window: last(1) },
    expected: ["ben", "eve"],
  },
  { title: "consent granted", node: { kind: "consent", purpose: "email_marketing", state: "granted" }, expected: ["ana", "eve"] },
  { title: "consent withdrawn", node: { kind: "consent", purpose: "email_marketing", state: "withdrawn" }, expected: ["ben"] },
  { title: "consent never recorded", node: { kind: "consent", purpose: "email_marketing", state: "none" }, expected: ["cid", "dee", "fay"] },
  { title: "consent denied for tracking", node: { kind: "consent", purpose: "tracking", state: "denied" }, expected: ["cid"] },
  { title: "suppressed by id or address", node: { kind: "suppression", suppressed: true, reasons: [] }, expected: ["ben", "dee"] },
  { title: "not suppressed", node: { kind: "suppression", suppressed: false, reasons: [] }, expected: ["ana", "cid", "eve", "fay"] },
  { title: "suppressed for a reason", node: { kind: "suppression", suppressed: true, reasons: ["hard_bounce"] }, expected: ["dee"] },
  {
    title: "a negated group",
    node: { kind: "group", op: "and", negate: true, children: [attr({ field: "country", valueType: "string", op: "equals", value: "US" })] },
    expected: ["cid", "dee", "eve", "fay"],
  },
  {
    title: "an OR group",
    node: { kind: "group", op: "or", children: [attr({ field: "country", valueType: "string", op: "equals", value: "FR" }), { kind: "consent", purpose: "email_marketing", state: "withdrawn" }] },
    expected: ["ben", "eve"],
  },
  {
    title: "NOT (did order AND in the US)",
    node: { kind: "group", op: "and", negate: true, children: [evt({ name: "Order Completed" }), attr({ field: "country", valueType: "string", op: "equals", value: "US" })] },
    expected: ["cid", "dee", "eve", "fay"],
  },
  {
    title: "NOT (no order OR suppressed)",
    node: { kind: "group", op: "or", negate: true, children: [evt({ name: "Order Completed", did: false }), { kind: "suppression", suppressed: true, reasons: [] }] },
    expected: ["ana", "cid"],
  },
  { title: "an empty group constrains nothing", node: { kind: "group", op: "or", children: [] }, expected: all() },
];
