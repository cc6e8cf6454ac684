import { describe, expect, it } from "vitest";
import { MAX_CONDITIONS, MAX_GROUP_DEPTH, type Group } from "./definition";
import { parseSegmentDefinition, SegmentDefinitionError, validateSegmentDefinition } from "./validate";

const country = { kind: "attribute", field: "country", valueType: "string", op: "equals", value: "US" };
const wrap = (...children: unknown[]) => ({ version: 1, root: { kind: "group", op: "and", children } });

function nested(depth: number): Group {
  let group: Group = { kind: "group", op: "and", children: [] };
  for (let i = 1; i < depth; i++) group = { kind: "group", op: "and", children: [group] };
  return group;
}

describe("validateSegmentDefinition", () => {
  it("accepts a valid definition and fills the defaults of an event condition", () => {
    const result = validateSegmentDefinition(wrap(country, { kind: "event", did: true, name: "Order Completed" }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.definition.root.children[1]).toMatchObject({ filters: [], measure: { kind: "count", op: "at_least", value: 1 }, window: { kind: "ever" } });
    }
  });

  it("points at the condition at fault with a plain message", () => {
    const result = validateSegmentDefinition(wrap(country, { kind: "group", op: "or", children: [country, { ...country, value: 5 }] }));
    expect(result).toEqual({ ok: false, issues: [{ path: "root.children[1].children[1]", field: "value", message: "Enter some text." }] });
  });

  it("asks for a segment when a membership condition has none yet", () => {
    const result = validateSegmentDefinition(wrap({ kind: "segment", segmentId: "", member: true }));
    expect(result.ok || result.issues[0]).toEqual({ path: "root.children[0]", field: "segmentId", message: "Choose a segment." });
  });

  it("names an unknown condition kind", () => {
    const result = validateSegmentDefinition(wrap({ kind: "horoscope" }));
    expect(result.ok || result.issues[0]).toMatchObject({ path: "root.children[0]", field: "kind" });
  });

  it("refuses an operator that does not fit the value type", () => {
    const result = validateSegmentDefinition(wrap({ ...country, op: "gt" }));
    expect(result.ok || result.issues[0]).toEqual({ path: "root.children[0]", field: "op", message: '"gt" does not apply to string values.' });
  });

  it("refuses a built-in field declared with another type", () => {
    const result = validateSegmentDefinition(wrap({ kind: "attribute", field: "created_at", valueType: "number", op: "gt", value: 1 }));
    expect(result.ok || result.issues[0]).toMatchObject({ field: "valueType", message: "The created date is a date field." });
  });

  it("refuses unknown fields", () => {
    const result = validateSegmentDefinition(wrap({ ...country, field: "password" }));
    expect(result.ok || result.issues[0]).toMatchObject({ field: "field" });
  });

  it("refuses impossible dates and reversed ranges", () => {
    const date = { kind: "attribute", field: "created_at", valueType: "date" };
    expect(validateSegmentDefinition(wrap({ ...date, op: "before", value: "2026-02-30" })).ok).toBe(false);
    const reversed = validateSegmentDefinition(wrap({ ...date, op: "between", from: "2026-03-01", to: "2026-02-01" }));
    expect(reversed.ok || reversed.issues[0]).toMatchObject({ field: "to", message: "The upper bound is below the lower bound." });
  });

  it("refuses an empty list and a missing number of days", () => {
    expect(validateSegmentDefinition(wrap({ ...country, op: "in_list", values: [] })).ok).toBe(false);
    expect(validateSegmentDefinition(wrap({ kind: "attribute", field: "last_seen_at", valueType: "date", op: "within_last_days" })).ok).toBe(false);
  });

  it("points into an event's property filters", () => {
    const result = validateSegmentDefinition(
      wrap({ kind: "event", did: true, name: "Order Completed", filters: [{ property: "revenue", valueType: "string", op: "equals", value: "x" }] }),
    );
    expect(result.ok || result.issues[0]).toMatchObject({ path: "root.children[0]", field: "filters[0].valueType", message: "Revenue is a number." });
  });

  it(`refuses groups nested deeper than ${MAX_GROUP_DEPTH}, naming the limit`, () => {
    expect(validateSegmentDefinition({ version: 1, root: nested(MAX_GROUP_DEPTH) }).ok).toBe(true);
    const result = validateSegmentDefinition({ version: 1, root: nested(MAX_GROUP_DEPTH + 1) });
    expect(result.ok || result.issues[0]!.message).toBe(`Groups can be nested at most ${MAX_GROUP_DEPTH} levels deep.`);
  });

  it("refuses a hostile depth without exhausting the stack", () => {
    expect(validateSegmentDefinition({ version: 1, root: nested(50_000) }).ok).toBe(false);
  });

  it(`refuses more than ${MAX_CONDITIONS} conditions, naming the limit`, () => {
    const wide = (n: number) => ({ version: 1, root: { kind: "group", op: "or", children: [{ kind: "group", op: "and", children: Array(n).fill(country) }] } });
    expect(validateSegmentDefinition(wide(MAX_CONDITIONS)).ok).toBe(true);
    const result = validateSegmentDefinition(wide(MAX_CONDITIONS + 1));
    expect(result.ok || result.issues[0]).toEqual({ path: "root", message: `A segment can hold at most ${MAX_CONDITIONS} conditions; this one has more.` });
  });

  it("refuses another version", () => {
    expect(validateSegmentDefinition({ ...wrap(), version: 2 }).ok).toBe(false);
  });
});

describe("parseSegmentDefinition", () => {
  it("throws a user-facing error naming the condition", () => {
    expect(() => parseSegmentDefinition(wrap({ ...country, value: 5 }))).toThrow(SegmentDefinitionError);
    expect(() => parseSegmentDefinition(wrap({ ...country, value: 5 }))).toThrow("root.children[0] (value): Enter some text.");
  });
});
