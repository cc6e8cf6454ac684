import {
  BUILT_IN_FIELDS,
  builtInField,
  customAttributeKey,
  type Condition,
  type EventCondition,
  type EventRef,
  type EventWindow,
  type Group,
  type Predicate,
  type SegmentDefinition,
  type SegmentNode,
} from "./definition";

export type SummaryOptions = {
  /** The name of a saved segment, for "who are in Frequent buyers". */
  segmentName?: (segmentId: string) => string | undefined;
};

/**
 * The definition as one readable sentence, e.g. "Contacts who did Order Completed at least 3
 * times in the last 30 days and whose country is US". Shown beside the builder and in lists.
 */
export function summarizeSegment(definition: SegmentDefinition, options: SummaryOptions = {}): string {
  const root = definition.root;
  if (root.children.length === 0) return root.negate ? "No contacts" : "All contacts";
  return `Contacts ${groupPhrase(root, options, true)}`;
}

function groupPhrase(group: Group, options: SummaryOptions, top = false): string {
  if (group.children.length === 0) return group.negate ? "who match nothing" : "who match anything";
  const parts = group.children.map((child) => nodePhrase(child, options));
  const joined = parts.join(group.op === "and" ? " and " : " or ");
  if (group.negate) return `${group.op === "and" || parts.length === 1 ? "not all of" : "none of"} (${joined})`;
  return top || parts.length === 1 ? joined : `(${joined})`;
}

function nodePhrase(node: SegmentNode, options: SummaryOptions): string {
  return node.kind === "group" ? groupPhrase(node, options) : conditionPhrase(node, options);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const list = (values: readonly unknown[]) =>
  values.length <= 1 ? String(values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${String(values.at(-1))}`;

function predicatePhrase(p: Predicate): string {
  switch (p.op) {
    case "equals":
      return `is ${String(p.value)}`;
    case "not_equals":
      return `is not ${String(p.value)}`;
    case "contains":
      return `contains ${String(p.value)}`;
    case "starts_with":
      return `starts with ${String(p.value)}`;
    case "in_list":
      return `is ${(p.values ?? []).length > 1 ? "one of " : ""}${list(p.values ?? [])}`;
    case "gt":
      return `is over ${String(p.value)}`;
    case "gte":
      return `is at least ${String(p.value)}`;
    case "lt":
      return `is under ${String(p.value)}`;
    case "lte":
      return `is at most ${String(p.value)}`;
    case "between":
      return `is between ${String(p.from)} and ${String(p.to)}`;
    case "is_set":
      return "is set";
    case "is_not_set":
      return "is not set";
    case "before":
      return `is before ${String(p.value)}`;
    case "after":
      return `is after ${String(p.value)}`;
    case "within_last_days":
      return `is within the last ${plural(p.days ?? 0, "day")}`;
  }
}

function fieldLabel(field: string): string {
  const builtIn = builtInField(field);
  return builtIn ? BUILT_IN_FIELDS[builtIn].label : (customAttributeKey(field) ?? field);
}

function windowPhrase(window: EventWindow): string {
  switch (window.kind) {
    case "ever":
      return "";
    case "last": {
      const unit = window.unit.slice(0, -1);
      return window.amount === 1 ? ` in the last ${unit}` : ` in the last ${plural(window.amount, unit)}`;
    }
    case "between":
      return ` between ${window.from} and ${window.to}`;
  }
}

function eventPhrase(ref: EventRef): string {
  const filters = ref.filters.map((f) => `${f.property.replaceAll("_", " ")} ${predicatePhrase(f)}`);
  return filters.length ? `${ref.name} (${filters.join(", ")})` : ref.name;
}

function measurePhrase(condition: EventCondition): string {
  const m = condition.measure;
  if (m.kind === "count") {
    if (m.op === "at_least" && m.value === 1) return "";
    return ` ${m.op.replace("_", " ")} ${plural(m.value, "time")}`;
  }
  const what = `${m.fn === "sum" ? "a total" : "an average"} ${m.property.replaceAll("_", " ")}`;
  return ` with ${what} ${m.op} ${m.value}`;
}

function conditionPhrase(condition: Condition, options: SummaryOptions): string {
  switch (condition.kind) {
    case "attribute":
      return `whose ${fieldLabel(condition.field)} ${predicatePhrase(condition)}`;
    case "score":
      return `whose ${condition.field.replaceAll("_", " ")} ${predicatePhrase(condition)}`;
    case "event":
      return `who ${condition.did ? "did" : "did not do"} ${eventPhrase(condition)}${measurePhrase(condition)}${windowPhrase(condition.window)}`;
    case "sequence":
      return `who did ${eventPhrase(condition.first)}${windowPhrase(condition.window)} without ${eventPhrase(condition.notFollowedBy)} within ${plural(condition.withinMinutes, "minute")}`;
    case "consent": {
      const purpose = condition.purpose === "email_marketing" ? "email marketing" : "tracking";
      if (condition.state === "none") return `with no ${purpose} consent recorded`;
      return `who ${{ granted: "granted", withdrawn: "withdrew", denied: "denied" }[condition.state]} ${purpose} consent`;
    }
    case "suppression": {
      const reasons = condition.reasons.length ? ` (${list(condition.reasons.map((r) => r.replace("_", " ")))})` : "";
      return condition.suppressed ? `who are suppressed${reasons}` : `who are not suppressed${reasons}`;
    }
    case "segment": {
      const name = options.segmentName?.(condition.segmentId) ?? `segment ${condition.segmentId}`;
      return `who are ${condition.member ? "" : "not "}in ${name}`;
    }
  }
}
