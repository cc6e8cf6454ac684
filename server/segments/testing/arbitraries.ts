import fc from "fast-check";
import {
  BUILT_IN_FIELDS,
  OPERATORS_BY_TYPE,
  SCORE_FIELDS,
  type Condition,
  type EventWindow,
  type Group,
  type PropertyFilter,
  type ScoreField,
  type SegmentDefinition,
  type SegmentNode,
  type ValueType,
} from "../definition";
import type { ReferenceContact, ReferenceData, ReferenceEvent, ReferenceScores, ReferenceSuppression } from "../evaluate";

/*
 * Random segment definitions and random small audiences for the property-based test. The
 * pools are small on purpose, so that values collide often (a condition matches some contacts
 * and not others), and they include the edges: values at window bounds, mixed JSON types,
 * impossible dates, numeric text, SQL-looking text.
 */

export const PROPERTY_NOW = new Date("2026-03-01T12:00:00.000Z");
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

const EVENT_NAMES = ["Order Completed", "Product Added", "Email Opened", "Product Viewed"] as const;
const CUSTOM_KEYS = ["plan", "age", "vip", "birthday"] as const;
const TEXTS = ["us", "US", "de", "gold", "Gold", "ana", "bo", "x.test", "Élodie", "éLODIE", "x'; drop table contact; --", "O'Brien", "42", "true"] as const;
const NUMBERS = [-1, 0, 5, 12.5, 19, 34.5, 50, 100] as const;
const DATES = ["2025-05-01", "2026-01-31", "2026-02-28T10:00Z", "2026-02-28T23:30:00.500+02:00", "2026-03-01"] as const;
const DAYS = [1, 7, 30, 60] as const;
/** Minutes before now: at and around the bounds the windows use (3 h, 7, 30, 60 days), and a few in the future. */
const EVENT_AGES = [-30, 0, 10, 29, 30, 31, 45, 179, 180, 181, 1440, 7 * DAY_MINUTES, 29 * DAY_MINUTES, 30 * DAY_MINUTES, 45 * DAY_MINUTES, 60 * DAY_MINUTES] as const;

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const minutesAgo = (m: number) => new Date(PROPERTY_NOW.getTime() - m * MINUTE);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom("5", "12.5", "-3", "1e3", "true", "false", "2025-05-01", "2026-02-30", "2026-02-28T10:00Z", "2026-03-01T11:59Z"),
  fc.boolean(),
  fc.constantFrom(null, { nested: 1 }, [1, 2]),
);

const contactArb = (id: number): fc.Arbitrary<ReferenceContact> =>
  fc.record({
    id: fc.constant(String(id)),
    email: nullable(fc.constantFrom("ana@x.test", "bo@x.test", "cy@y.test", "dee@x.test", "eve@z.test")),
    externalId: nullable(fc.constantFrom("e1", "e2", "E1")),
    firstName: nullable(fc.constantFrom(...TEXTS)),
    lastName: nullable(fc.constantFrom("Lopez", "lo", "Gold")),
    phone: fc.constant(null),
    locale: nullable(fc.constantFrom("en-US", "de-DE")),
    timeZone: fc.constant(null),
    country: nullable(fc.constantFrom("US", "us", "DE", "FR")),
    region: fc.constant(null),
    city: nullable(fc.constantFrom("Boston", "boston", "Berlin")),
    attributes: fc.dictionary(fc.constantFrom(...CUSTOM_KEYS), jsonValue, { maxKeys: 4 }),
    createdAt: fc.constantFrom(...EVENT_AGES).map(minutesAgo),
    firstSeenAt: nullable(fc.constantFrom(...EVENT_AGES).map(minutesAgo)),
    lastSeenAt: nullable(fc.constantFrom(...EVENT_AGES).map(minutesAgo)),
  });

function eventArb(contactCount: number): fc.Arbitrary<ReferenceEvent> {
  return fc.record({
    contactId: fc.integer({ min: 0, max: contactCount - 1 }).map(String),
    name: fc.constantFrom(...EVENT_NAMES),
    properties: fc.record(
      { category: fc.constantFrom<unknown>("shoes", "Shoes", "hats", 42, "42", true), cart_value: fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom("80", "12.5", "n/a")) },
      { requiredKeys: [] },
    ),
    // Halves only: sums of these are exact in float8 and in JS whatever the order of addition.
    revenue: nullable(fc.integer({ min: 0, max: 400 }).map((n) => n / 2)),
    occurredAt: fc.oneof({ arbitrary: fc.constantFrom(...EVENT_AGES), weight: 4 }, fc.integer({ min: -60, max: 70 * DAY_MINUTES })).map(minutesAgo),
  });
}

/** Keeps the first of rows sharing a key (the tables' unique constraints). */
function uniqueBy<T>(rows: T[], key: (row: T) => string | null): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (k === null) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Scores of a scored contact: model figures may be null (model skipped), feature figures never are. */
const scoresArb = (id: number): fc.Arbitrary<ReferenceScores> =>
  fc.record({
    contactId: fc.constant(String(id)),
    rfm_segment: nullable(fc.constantFrom("Champions", "champions", "At risk", ...TEXTS)),
    propensity: nullable(fc.constantFrom(...NUMBERS)),
    churn_risk: nullable(fc.constantFrom(...NUMBERS)),
    cluster: nullable(fc.constantFrom("1: high spend", "2: typical", ...TEXTS)),
    predicted_clv: nullable(fc.constantFrom(...NUMBERS)),
    total_spend: fc.constantFrom(...NUMBERS),
    orders: fc.constantFrom(0, 5, 19, 50),
    last_purchase_at: nullable(fc.constantFrom(...EVENT_AGES).map(minutesAgo)),
  });

export const audienceArb: fc.Arbitrary<ReferenceData> = fc.integer({ min: 3, max: 12 }).chain((count) =>
  fc
    .record({
      contacts: fc.tuple(...Array.from({ length: count }, (_, i) => contactArb(i))),
      events: fc.array(eventArb(count), { minLength: count * 2, maxLength: count * 6, size: "max" }),
      consents: fc.array(
        fc.record({
          contactId: fc.integer({ min: 0, max: count - 1 }).map(String),
          purpose: fc.constantFrom("email_marketing" as const, "tracking" as const),
          state: fc.constantFrom("granted" as const, "withdrawn" as const, "denied" as const),
        }),
        { maxLength: count * 2 },
      ),
      suppressions: fc.array(
        fc.record({
          contactId: nullable(fc.integer({ min: 0, max: count - 1 }).map(String)),
          email: fc.constantFrom("ana@x.test", "bo@x.test", "zed@x.test"),
          reason: fc.constantFrom("hard_bounce" as const, "complaint" as const, "unsubscribe" as const, "manual" as const),
        }),
        { maxLength: 3 },
      ),
      scores: fc.tuple(...Array.from({ length: count }, (_, i) => fc.option(scoresArb(i), { nil: null }))),
    })
    .map((data) => {
      const emails = new Set<string>();
      const externalIds = new Set<string>();
      const contacts = data.contacts.map((contact) => {
        const email = contact.email && !emails.has(contact.email) ? contact.email : null;
        const externalId = contact.externalId && !externalIds.has(contact.externalId) ? contact.externalId : null;
        if (email) emails.add(email);
        if (externalId) externalIds.add(externalId);
        return { ...contact, email, externalId };
      });
      return {
        contacts,
        events: data.events,
        consents: uniqueBy(data.consents, (c) => `${c.contactId}/${c.purpose}`),
        suppressions: uniqueBy<ReferenceSuppression>(data.suppressions, (s) => `${s.email}/${s.reason}`),
        scores: data.scores.filter((s): s is ReferenceScores => s !== null),
      };
    }),
);

function operandsFor(valueType: ValueType, op: string): fc.Arbitrary<Record<string, unknown>> {
  const scalar = { string: fc.constantFrom(...TEXTS), number: fc.constantFrom(...NUMBERS), boolean: fc.boolean(), date: fc.constantFrom(...DATES) }[valueType];
  switch (op) {
    case "is_set":
    case "is_not_set":
      return fc.constant({});
    case "within_last_days":
      return fc.record({ days: fc.constantFrom(...DAYS) });
    case "in_list":
      return fc.record({ values: fc.array(scalar as fc.Arbitrary<string | number>, { minLength: 1, maxLength: 3 }) });
    case "between":
      return fc.tuple(scalar, scalar).map(([a, b]) => {
        const [from, to] = valueType === "date" ? [a, b].sort() : [a, b].sort((x, y) => Number(x) - Number(y));
        return { from, to };
      });
    default:
      return fc.record({ value: scalar });
  }
}

const predicateArb = (valueType: ValueType) =>
  fc.constantFrom(...OPERATORS_BY_TYPE[valueType]).chain((op) => operandsFor(valueType, op).map((operands) => ({ valueType, op, ...operands })));

const builtInAttribute = fc.constantFrom(...(Object.keys(BUILT_IN_FIELDS) as (keyof typeof BUILT_IN_FIELDS)[])).chain((field) =>
  predicateArb(BUILT_IN_FIELDS[field].type).map((predicate) => ({ kind: "attribute" as const, field, ...predicate })),
);
const customAttribute = fc
  .tuple(fc.constantFrom(...CUSTOM_KEYS), fc.constantFrom(...(["string", "number", "boolean", "date"] as const)))
  .chain(([key, valueType]) => predicateArb(valueType).map((predicate) => ({ kind: "attribute" as const, field: `attributes.${key}`, ...predicate })));

const scoreCondition = fc.constantFrom(...(Object.keys(SCORE_FIELDS) as ScoreField[])).chain((field) =>
  predicateArb(SCORE_FIELDS[field]).map((predicate) => ({ kind: "score" as const, field, ...predicate })),
);

const propertyFilterArb: fc.Arbitrary<PropertyFilter> = fc.oneof(
  predicateArb("string").map((p) => ({ property: "category", ...p })),
  predicateArb("number").map((p) => ({ property: "cart_value", ...p })),
  predicateArb("number").map((p) => ({ property: "revenue", ...p })),
) as fc.Arbitrary<PropertyFilter>;

const windowArb: fc.Arbitrary<EventWindow> = fc.oneof(
  fc.constant({ kind: "ever" as const }),
  fc.record({ kind: fc.constant("last" as const), amount: fc.constantFrom(3, 30, 7, 60), unit: fc.constantFrom("minutes" as const, "hours" as const, "days" as const) }),
  fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES)).map(([a, b]) => {
    const [from, to] = [a, b].sort();
    return { kind: "between" as const, from: from!, to: to! };
  }),
);

const filtersArb = fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, fc.array(propertyFilterArb, { minLength: 1, maxLength: 2 }));
const eventRefArb = fc.record({ name: fc.constantFrom(...EVENT_NAMES), filters: filtersArb });

const measureArb = fc.oneof(
  fc.record({ kind: fc.constant("count" as const), op: fc.constant("at_least" as const), value: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("count" as const), op: fc.constantFrom("at_most" as const, "exactly" as const), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant("aggregate" as const),
    fn: fc.constantFrom("sum" as const, "avg" as const),
    property: fc.constantFrom("revenue", "cart_value"),
    op: fc.constantFrom("over" as const, "under" as const),
    value: fc.constantFrom(-1, 0, 25, 50, 100),
  }),
);

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  builtInAttribute,
  customAttribute,
  fc.record({ kind: fc.constant("event" as const), did: fc.boolean(), name: fc.constantFrom(...EVENT_NAMES), filters: filtersArb, measure: measureArb, window: windowArb }),
  fc.record({ kind: fc.constant("sequence" as const), first: eventRefArb, notFollowedBy: eventRefArb, withinMinutes: fc.constantFrom(10, 30, 180), window: windowArb }),
  fc.record({ kind: fc.constant("consent" as const), purpose: fc.constantFrom("email_marketing" as const, "tracking" as const), state: fc.constantFrom("granted" as const, "withdrawn" as const, "denied" as const, "none" as const) }),
  fc.record({ kind: fc.constant("suppression" as const), suppressed: fc.boolean(), reasons: fc.subarray(["hard_bounce", "complaint", "unsubscribe", "manual"] as const) }),
  scoreCondition,
) as fc.Arbitrary<Condition>;

/** Mostly small groups: a large random AND is almost always empty and a large OR almost always everyone. */
function groupArb(leaf: fc.Arbitrary<SegmentNode>): fc.Arbitrary<Group> {
  const { group } = fc.letrec<{ node: SegmentNode; group: Group }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: "segment" }, { arbitrary: leaf, weight: 3 }, { arbitrary: tie("group"), weight: 1 }),
    group: fc.record({
      kind: fc.constant("group" as const),
      op: fc.constantFrom("and" as const, "or" as const),
      negate: fc.boolean(),
      children: fc.oneof(fc.array(tie("node"), { maxLength: 2 }), fc.array(tie("node"), { maxLength: 4 })),
    }),
  }));
  return group;
}

function definitionArb(leaf: fc.Arbitrary<SegmentNode>): fc.Arbitrary<SegmentDefinition> {
  const single = leaf.map((node): Group => ({ kind: "group", op: "and", children: [node] }));
  return fc.oneof(single, groupArb(leaf)).map((root) => ({ version: 1 as const, root }));
}

const segmentReferenceArb = fc.record({ kind: fc.constant("segment" as const), segmentId: fc.constant("s1"), member: fc.boolean() });

/** A definition that may refer to segment "s1", and the definition of s1. */
export const definitionsArb: fc.Arbitrary<{ definition: SegmentDefinition; referenced: SegmentDefinition }> = fc.record({
  definition: definitionArb(fc.oneof({ arbitrary: conditionArb, weight: 5 }, segmentReferenceArb)),
  referenced: definitionArb(conditionArb),
});
