import { endOfBound, parseIsoInstant, startOfBound } from "./dates";
import type {
  Condition,
  EventCondition,
  EventRef,
  EventWindow,
  Group,
  Predicate,
  SegmentDefinition,
  ScoreField,
  SequenceCondition,
  ValueType,
} from "./definition";
import type { ResolvedSegments } from "./references";

/*
 * The reference evaluator: the meaning of a segment definition, stated directly over plain
 * in-memory data. It is written from the definition's documented semantics, independently of
 * the SQL compiler, so that the property-based test can hold one against the other. It is for
 * tests and small data; real counts always run in Postgres.
 */

export type ReferenceContact = {
  id: string;
  email: string | null;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  locale: string | null;
  timeZone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  attributes: Record<string, unknown>;
  createdAt: Date;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
};
export type ReferenceEvent = { contactId: string; name: string; properties: Record<string, unknown>; revenue: number | null; occurredAt: Date };
export type ReferenceConsent = { contactId: string; purpose: "email_marketing" | "tracking"; state: "granted" | "withdrawn" | "denied" };
export type ReferenceSuppression = { contactId: string | null; email: string; reason: "hard_bounce" | "complaint" | "unsubscribe" | "manual" };
/** A contact's figures from the last scoring run; a field left out was not scored. */
export type ReferenceScores = { contactId: string } & Partial<Record<ScoreField, string | number | Date | null>>;
export type ReferenceData = {
  contacts: ReferenceContact[];
  events: ReferenceEvent[];
  consents: ReferenceConsent[];
  suppressions: ReferenceSuppression[];
  scores?: ReferenceScores[];
};

type Value = string | number | boolean | null;
const MINUTE = 60_000;
const UNIT = { minutes: MINUTE, hours: 60 * MINUTE, days: 24 * 60 * MINUTE };

type Env = {
  now: number;
  segments: ResolvedSegments;
  eventsOf: Map<string, ReferenceEvent[]>;
  data: ReferenceData;
  chain: string[];
};

/** The ids of the contacts matching the definition at `now`, in the order of `data.contacts`. */
export function evaluateSegment(
  definition: SegmentDefinition,
  data: ReferenceData,
  options: { now: Date; segments?: ResolvedSegments },
): string[] {
  const eventsOf = new Map<string, ReferenceEvent[]>();
  for (const event of data.events) eventsOf.set(event.contactId, [...(eventsOf.get(event.contactId) ?? []), event]);
  const env: Env = { now: options.now.getTime(), segments: options.segments ?? new Map(), eventsOf, data, chain: [] };
  return data.contacts
    .filter((contact) => matchesGroup(definition.root, contact, env))
    .map((contact) => contact.id);
}

function matchesGroup(group: Group, contact: ReferenceContact, env: Env): boolean {
  const results = group.children.map((child) => (child.kind === "group" ? matchesGroup(child, contact, env) : matchesCondition(child, contact, env)));
  const matched = results.length === 0 || (group.op === "and" ? results.every(Boolean) : results.some(Boolean));
  return group.negate ? !matched : matched;
}

function matchesCondition(condition: Condition, contact: ReferenceContact, env: Env): boolean {
  switch (condition.kind) {
    case "attribute":
      return testPredicate(attributeOf(contact, condition.field, condition.valueType), condition, env.now);
    case "event":
      return matchesEvent(condition, env.eventsOf.get(contact.id) ?? [], env.now);
    case "sequence":
      return matchesSequence(condition, env.eventsOf.get(contact.id) ?? [], env.now);
    case "consent": {
      const consent = env.data.consents.find((c) => c.contactId === contact.id && c.purpose === condition.purpose);
      return (consent?.state ?? "none") === condition.state;
    }
    case "suppression": {
      const suppressed = env.data.suppressions.some(
        (s) =>
          (s.contactId === contact.id || (contact.email !== null && s.email === contact.email)) &&
          (condition.reasons.length === 0 || condition.reasons.includes(s.reason)),
      );
      return suppressed === condition.suppressed;
    }
    case "segment": {
      const referenced = env.segments.get(condition.segmentId);
      if (!referenced || env.chain.includes(condition.segmentId)) throw new Error(`Cannot evaluate segment ${condition.segmentId}`);
      const inner = { ...env, chain: [...env.chain, condition.segmentId] };
      return matchesGroup(referenced.root, contact, inner) === condition.member;
    }
    case "score": {
      const value = env.data.scores?.find((s) => s.contactId === contact.id)?.[condition.field] ?? null;
      return testPredicate(value instanceof Date ? value.getTime() : value, condition, env.now);
    }
  }
}

const BUILT_IN_READERS: Record<string, (contact: ReferenceContact) => string | Date | null> = {
  email: (c) => c.email,
  external_id: (c) => c.externalId,
  first_name: (c) => c.firstName,
  last_name: (c) => c.lastName,
  phone: (c) => c.phone,
  locale: (c) => c.locale,
  time_zone: (c) => c.timeZone,
  country: (c) => c.country,
  region: (c) => c.region,
  city: (c) => c.city,
  created_at: (c) => c.createdAt,
  first_seen_at: (c) => c.firstSeenAt,
  last_seen_at: (c) => c.lastSeenAt,
};

function attributeOf(contact: ReferenceContact, field: string, valueType: ValueType): Value {
  const builtIn = Object.hasOwn(BUILT_IN_READERS, field) ? BUILT_IN_READERS[field]!(contact) : undefined;
  if (builtIn !== undefined) return builtIn instanceof Date ? builtIn.getTime() : builtIn;
  const key = field.slice("attributes.".length);
  return Object.hasOwn(contact.attributes, key) ? readAs(contact.attributes[key], valueType) : null;
}

/** A stored JSON value read as the declared type; anything of another kind counts as not set. */
function readAs(raw: unknown, valueType: ValueType): Value {
  switch (valueType) {
    case "string":
      return typeof raw === "string" ? raw : null;
    case "number":
      if (typeof raw === "number") return raw;
      return typeof raw === "string" && /^-?\d{1,15}(\.\d{1,15})?$/.test(raw) ? Number(raw) : null;
    case "boolean":
      if (typeof raw === "boolean") return raw;
      return raw === "true" ? true : raw === "false" ? false : null;
    case "date":
      return typeof raw === "string" ? parseIsoInstant(raw) : null;
  }
}

function testPredicate(x: Value, p: Predicate, now: number): boolean {
  const lower = (v: unknown) => String(v).toLowerCase();
  switch (p.op) {
    case "is_set":
      return x !== null;
    case "is_not_set":
      return x === null;
    case "not_equals":
      return !testPredicate(x, { ...p, op: "equals" }, now);
    default:
      if (x === null) return false;
  }
  switch (p.op) {
    case "equals":
      return p.valueType === "string" ? lower(x) === lower(p.value) : x === p.value;
    case "contains":
      return lower(x).includes(lower(p.value));
    case "starts_with":
      return lower(x).startsWith(lower(p.value));
    case "in_list":
      return p.valueType === "string" ? (p.values ?? []).some((v) => lower(v) === lower(x)) : (p.values ?? []).includes(x as number);
    case "gt":
      return (x as number) > (p.value as number);
    case "gte":
      return (x as number) >= (p.value as number);
    case "lt":
      return (x as number) < (p.value as number);
    case "lte":
      return (x as number) <= (p.value as number);
    case "between":
      return p.valueType === "date"
        ? (x as number) >= startOfBound(String(p.from)) && (x as number) <= endOfBound(String(p.to))
        : (x as number) >= (p.from as number) && (x as number) <= (p.to as number);
    case "before":
      return (x as number) < startOfBound(String(p.value));
    case "after":
      return (x as number) > endOfBound(String(p.value));
    case "within_last_days":
      return (x as number) >= now - (p.days ?? 0) * UNIT.days && (x as number) <= now;
    default:
      return false;
  }
}

function inWindow(event: ReferenceEvent, window: EventWindow, now: number): boolean {
  const t = event.occurredAt.getTime();
  if (window.kind === "ever") return true;
  if (window.kind === "last") return t >= now - window.amount * UNIT[window.unit] && t <= now;
  return t >= startOfBound(window.from) && t <= endOfBound(window.to);
}

function propertyOf(event: ReferenceEvent, property: string, valueType: ValueType): Value {
  if (property === "revenue") return event.revenue;
  return Object.hasOwn(event.properties, property) ? readAs(event.properties[property], valueType) : null;
}

function matchesRef(event: ReferenceEvent, ref: EventRef, now: number): boolean {
  return event.name === ref.name && ref.filters.every((f) => testPredicate(propertyOf(event, f.property, f.valueType), f, now));
}

function matchesEvent(condition: EventCondition, events: ReferenceEvent[], now: number): boolean {
  const matching = events.filter((e) => matchesRef(e, condition, now) && inWindow(e, condition.window, now));
  const measure = condition.measure;
  let satisfied: boolean;
  if (measure.kind === "count") {
    const n = matching.length;
    satisfied = measure.op === "at_least" ? n >= measure.value : measure.op === "at_most" ? n <= measure.value : n === measure.value;
  } else {
    const values = matching.map((e) => propertyOf(e, measure.property, "number")).filter((v): v is number => v !== null);
    const sum = values.reduce((total, v) => total + v, 0);
    const figure = measure.fn === "sum" ? sum : values.length ? sum / values.length : null;
    satisfied = figure !== null && (measure.op === "over" ? figure > measure.value : figure < measure.value);
  }
  return satisfied === condition.did;
}

function matchesSequence(condition: SequenceCondition, events: ReferenceEvent[], now: number): boolean {
  const span = condition.withinMinutes * MINUTE;
  return events.some((first) => {
    const t = first.occurredAt.getTime();
    if (!matchesRef(first, condition.first, now) || !inWindow(first, condition.window, now) || t > now - span) return false;
    return !events.some((next) => {
      const u = next.occurredAt.getTime();
      return matchesRef(next, condition.notFollowedBy, now) && u >= t && u <= t + span;
    });
  });
}

/**
 * One stored value (a contact field, a custom attribute, a score) tested against a predicate with
 * the segment semantics above: read as the declared type, strings compared case-insensitively.
 * Email show-if conditions evaluate their attribute and score conditions per recipient with it.
 */
export function matchesPredicate(raw: unknown, predicate: Predicate, now: number): boolean {
  const value = raw instanceof Date ? raw.getTime() : raw === null || raw === undefined ? null : readAs(raw, predicate.valueType);
  return testPredicate(value, predicate, now);
}
