import type { z } from "zod";
import { UserFacingError } from "../errors";
import { startOfBound, endOfBound, parseIsoInstant } from "./dates";
import {
  BUILT_IN_FIELDS,
  builtInField,
  customAttributeKey,
  MAX_CONDITIONS,
  MAX_GROUP_DEPTH,
  OPERATORS_BY_TYPE,
  REVENUE_PROPERTY,
  SCORE_FIELDS,
  segmentDefinitionSchema,
  type Condition,
  type EventRef,
  type EventWindow,
  type Group,
  type Predicate,
  type SegmentDefinition,
} from "./definition";

/** What is wrong, and where: `path` names the condition or group ("root.children[2]"), `field` its property. */
export type SegmentDefinitionIssue = { path: string; field?: string; message: string };

export class SegmentDefinitionError extends UserFacingError {
  constructor(readonly issues: SegmentDefinitionIssue[]) {
    const first = issues[0]!;
    super("BAD_REQUEST", `${first.path}${first.field ? ` (${first.field})` : ""}: ${first.message}`, first.path);
    this.name = "SegmentDefinitionError";
  }
}

export type ValidationResult = { ok: true; definition: SegmentDefinition } | { ok: false; issues: SegmentDefinitionIssue[] };

/** Checks a definition as received (JSON from the builder or the API) and returns it typed. */
export function validateSegmentDefinition(input: unknown): ValidationResult {
  // Measured before zod walks the document, so that a hostile depth cannot exhaust the stack.
  const limit = checkLimits(input);
  if (limit) return { ok: false, issues: [limit] };
  const parsed = segmentDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(toIssue) };
  const definition = parsed.data as SegmentDefinition;
  const issues: SegmentDefinitionIssue[] = [];
  checkGroup(definition.root, "root", issues);
  return issues.length ? { ok: false, issues } : { ok: true, definition };
}

export function parseSegmentDefinition(input: unknown): SegmentDefinition {
  const result = validateSegmentDefinition(input);
  if (!result.ok) throw new SegmentDefinitionError(result.issues);
  return result.definition;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)), "");
}

/** Splits a zod path into the node at fault and the property of it that is wrong. */
function toIssue(issue: z.core.$ZodIssue): SegmentDefinitionIssue {
  const path = issue.path;
  let nodeEnd = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "root") nodeEnd = i + 1;
    if (path[i] === "children" && typeof path[i + 1] === "number") nodeEnd = i + 2;
  }
  const field = formatPath(path.slice(nodeEnd));
  return { path: formatPath(path.slice(0, nodeEnd)) || "definition", ...(field ? { field } : {}), message: issue.message };
}

type Pending = { node: unknown; path: string; depth: number };

function checkLimits(input: unknown): SegmentDefinitionIssue | null {
  const root = (input as { root?: unknown } | null)?.root;
  const stack: Pending[] = [{ node: root, path: "root", depth: 1 }];
  let conditions = 0;
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    const children = (node as { children?: unknown } | null)?.children;
    if (!Array.isArray(children)) {
      if (node !== root) conditions++;
      continue;
    }
    if (depth > MAX_GROUP_DEPTH) {
      return { path, message: `Groups can be nested at most ${MAX_GROUP_DEPTH} levels deep.` };
    }
    children.forEach((child, i) => stack.push({ node: child, path: `${path}.children[${i}]`, depth: depth + 1 }));
    if (conditions + stack.length > MAX_CONDITIONS * 4) break;
  }
  if (conditions > MAX_CONDITIONS) {
    return { path: "root", message: `A segment can hold at most ${MAX_CONDITIONS} conditions; this one has more.` };
  }
  return null;
}

function checkGroup(group: Group, path: string, issues: SegmentDefinitionIssue[]) {
  group.children.forEach((child, i) => {
    const childPath = `${path}.children[${i}]`;
    if (child.kind === "group") checkGroup(child, childPath, issues);
    else checkCondition(child, childPath, issues);
  });
}

function checkCondition(condition: Condition, path: string, issues: SegmentDefinitionIssue[]) {
  const report = (field: string | undefined, message: string) => issues.push({ path, ...(field ? { field } : {}), message });
  switch (condition.kind) {
    case "attribute": {
      const builtIn = builtInField(condition.field);
      if (builtIn) {
        const { label, type } = BUILT_IN_FIELDS[builtIn];
        if (condition.valueType !== type) report("valueType", `The ${label} is a ${type} field.`);
      } else if (customAttributeKey(condition.field) === null) {
        report("field", `Unknown field "${condition.field}": use a contact field or attributes.<key>.`);
      }
      checkPredicate(condition, report);
      return;
    }
    case "score": {
      const type = SCORE_FIELDS[condition.field];
      if (condition.valueType !== type) report("valueType", `The score ${condition.field} is a ${type} value.`);
      checkPredicate(condition, report);
      return;
    }
    case "event":
      checkEventRef(condition, "", report);
      checkWindow(condition.window, report);
      if (condition.measure.kind === "count" && condition.measure.op === "at_least" && condition.measure.value < 1) {
        report("measure.value", "At least 0 times is always true: use 1 or more.");
      }
      return;
    case "sequence":
      checkEventRef(condition.first, "first.", report);
      checkEventRef(condition.notFollowedBy, "notFollowedBy.", report);
      checkWindow(condition.window, report);
      return;
    case "consent":
    case "suppression":
    case "segment":
      return;
  }
}

type Report = (field: string | undefined, message: string) => void;

function checkEventRef(ref: EventRef, prefix: string, report: Report) {
  ref.filters.forEach((filter, i) => {
    const at = (field: string | undefined, message: string) => report(`${prefix}filters[${i}]${field ? `.${field}` : ""}`, message);
    if (filter.property === REVENUE_PROPERTY && filter.valueType !== "number") at("valueType", "Revenue is a number.");
    checkPredicate(filter, at);
  });
}

function checkWindow(window: EventWindow, report: Report) {
  if (window.kind === "between" && startOfBound(window.from) > endOfBound(window.to)) {
    report("window.to", "The end date is before the start date.");
  }
}

const isDate = (value: unknown) => typeof value === "string" && parseIsoInstant(value) !== null;

function operandOk(valueType: Predicate["valueType"], value: unknown): boolean {
  if (valueType === "date") return isDate(value);
  return typeof value === valueType;
}

const OPERAND_HINT: Record<Predicate["valueType"], string> = {
  string: "Enter some text.",
  number: "Enter a number.",
  boolean: "Choose true or false.",
  date: "Use a date like 2026-03-01 or 2026-03-01T09:30Z.",
};

function checkPredicate(predicate: Predicate, report: Report) {
  const { valueType, op } = predicate;
  if (!OPERATORS_BY_TYPE[valueType].includes(op)) {
    report("op", `"${op.replaceAll("_", " ")}" does not apply to ${valueType} values.`);
    return;
  }
  switch (op) {
    case "is_set":
    case "is_not_set":
      return;
    case "within_last_days":
      if (predicate.days === undefined) report("days", "Enter a number of days.");
      return;
    case "in_list": {
      const values = predicate.values ?? [];
      if (values.length === 0) report("values", "Enter at least one value.");
      else if (!values.every((value) => operandOk(valueType, value))) report("values", OPERAND_HINT[valueType]);
      return;
    }
    case "between": {
      if (!operandOk(valueType, predicate.from)) return report("from", OPERAND_HINT[valueType]);
      if (!operandOk(valueType, predicate.to)) return report("to", OPERAND_HINT[valueType]);
      const [low, high] =
        valueType === "date"
          ? [startOfBound(String(predicate.from)), endOfBound(String(predicate.to))]
          : [Number(predicate.from), Number(predicate.to)];
      if (low > high) report("to", "The upper bound is below the lower bound.");
      return;
    }
    default:
      if (!operandOk(valueType, predicate.value)) report("value", OPERAND_HINT[valueType]);
  }
}
