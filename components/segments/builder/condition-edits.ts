import type { Condition, EventRef, Operator, Predicate, PropertyFilter, ScoreField, ValueType } from "@/server/segments/definition";
import type { BuilderCondition } from "./builder-tree";
import { OPERATORS_BY_TYPE, REVENUE_PROPERTY, SCORE_FIELDS } from "./vocabulary";

export type ConditionKind = Condition["kind"];
/** What the workspace suggests for a new condition (its most common event, a contact field). */
export type ConditionHints = { eventName?: string; attributeField?: string; attributeType?: ValueType };

type Operand = "value" | "values" | "from" | "to" | "days";
const OPERANDS = ["value", "values", "from", "to", "days"] as const satisfies readonly Operand[];

/** The operand fields an operator reads; the others are kept in the builder but not sent. */
export function operandsOf(op: Operator): readonly Operand[] {
  switch (op) {
    case "is_set":
    case "is_not_set":
      return [];
    case "within_last_days":
      return ["days"];
    case "in_list":
      return ["values"];
    case "between":
      return ["from", "to"];
    default:
      return ["value"];
  }
}

export function defaultCondition(kind: ConditionKind, hints: ConditionHints = {}): Condition {
  const eventName = hints.eventName ?? "";
  switch (kind) {
    case "attribute":
      return { kind, field: hints.attributeField ?? "country", valueType: hints.attributeType ?? "string", op: "equals" };
    case "event":
      return { kind, did: true, name: eventName, filters: [], measure: { kind: "count", op: "at_least", value: 1 }, window: { kind: "ever" } };
    case "sequence":
      return {
        kind,
        first: { name: eventName, filters: [] },
        notFollowedBy: { name: "", filters: [] },
        withinMinutes: 30,
        window: { kind: "last", amount: 7, unit: "days" },
      };
    case "consent":
      return { kind, purpose: "email_marketing", state: "granted" };
    case "suppression":
      return { kind, suppressed: false, reasons: [] };
    case "segment":
      return { kind, segmentId: "", member: true };
    case "score":
      return { kind, field: "propensity", valueType: "number", op: "gt" };
  }
}

/**
 * Switches a condition to another kind. What was typed under the old kind is kept in drafts and
 * comes back when the marketer switches back; the event name carries over between event and
 * sequence conditions.
 */
export function changeKind(node: BuilderCondition, kind: ConditionKind, hints: ConditionHints = {}): BuilderCondition {
  const current = node.condition;
  if (current.kind === kind) return node;
  const drafts = { ...node.drafts, [current.kind]: current };
  const carriedName = current.kind === "event" ? current.name : current.kind === "sequence" ? current.first.name : undefined;
  let next = node.drafts[kind] ?? defaultCondition(kind, { ...hints, ...(carriedName ? { eventName: carriedName } : {}) });
  if (carriedName && next.kind === "event") next = { ...next, name: carriedName };
  if (carriedName && next.kind === "sequence") next = { ...next, first: { ...next.first, name: carriedName } };
  return { ...node, condition: next, drafts };
}

function convertOperand(value: unknown, type: ValueType): string | number | boolean | undefined {
  if (value === undefined) return undefined;
  if (type === "number") {
    const n = typeof value === "number" ? value : Number(String(value).trim());
    return String(value).trim() !== "" && Number.isFinite(n) ? n : undefined;
  }
  if (type === "boolean") return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
  return typeof value === "boolean" ? undefined : String(value);
}

/**
 * Gives a predicate a new value type: the operator stays when it still applies (else the first
 * one that does), and typed operands stay when they still read as that type.
 */
export function retypePredicate<P extends Predicate>(predicate: P, valueType: ValueType): P {
  if (predicate.valueType === valueType) return predicate;
  const ops = OPERATORS_BY_TYPE[valueType];
  const op = ops.includes(predicate.op) ? predicate.op : ops[0]!;
  const value = convertOperand(predicate.value, valueType);
  const asListItem = (v: unknown) => convertOperand(v, valueType === "boolean" ? "string" : valueType) as string | number | undefined;
  const values = predicate.values?.map(asListItem).filter((v): v is string | number => v !== undefined);
  const from = predicate.from === undefined ? undefined : asListItem(predicate.from);
  const to = predicate.to === undefined ? undefined : asListItem(predicate.to);
  return stripUndefined({ ...predicate, valueType, op, value, values, from, to });
}

function stripUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** A different attribute field; its type decides which operators and operands still apply. */
export function changeAttributeField(condition: Condition, field: string, valueType: ValueType): Condition {
  if (condition.kind !== "attribute") return condition;
  return { ...retypePredicate(condition, valueType), field };
}

export function changeScoreField(condition: Condition, field: ScoreField): Condition {
  if (condition.kind !== "score") return condition;
  return { ...retypePredicate(condition, SCORE_FIELDS[field]), field };
}

/** A property filter on another property; revenue is always a number. */
export function changeFilterProperty(filter: PropertyFilter, property: string, valueType: ValueType): PropertyFilter {
  return { ...retypePredicate(filter, property === REVENUE_PROPERTY ? "number" : valueType), property };
}

/** Another operator: every operand typed so far is kept, so switching back restores it. */
export function changeOperator<P extends Predicate>(predicate: P, op: Operator): P {
  return { ...predicate, op };
}

/** The predicate as the definition carries it: only the operands its operator reads. */
export function definitionPredicate<P extends Predicate>(predicate: P): P {
  const keep = new Set<string>(operandsOf(predicate.op));
  const unused = OPERANDS.filter((operand) => !keep.has(operand));
  const copy: Record<string, unknown> = { ...predicate };
  for (const operand of unused) delete copy[operand];
  return copy as P;
}

const definitionRef = (ref: EventRef): EventRef => ({ name: ref.name, filters: ref.filters.map(definitionPredicate) });

/** The condition as the definition carries it (builder-only operands left out). */
export function definitionCondition(condition: Condition): Condition {
  switch (condition.kind) {
    case "attribute":
    case "score":
      return definitionPredicate(condition);
    case "event":
      return { ...condition, filters: condition.filters.map(definitionPredicate) };
    case "sequence":
      return { ...condition, first: definitionRef(condition.first), notFollowedBy: definitionRef(condition.notFollowedBy) };
    default:
      return condition;
  }
}

/** Text typed into an operand input, as the definition wants it: numbers as numbers when they read as one. */
export function parseOperand(valueType: ValueType, text: string): string | number | boolean {
  if (valueType === "number") {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) ? n : text;
  }
  if (valueType === "boolean") return text === "true";
  return text;
}
