import { describe, expect, it } from "vitest";
import type { Condition } from "../segments/definition";
import { evaluateCondition, showIfSchema, type ConditionFacts, type ShowIf } from "./conditions";

const NOW = Date.parse("2026-11-26T12:00:00Z");
const facts = (changes: Partial<ConditionFacts> = {}): ConditionFacts => ({
  contact: { city: "New York", first_name: "Ava", email: null, attributes: { vip_tier: "Gold", orders: 3, tags: "outdoor,runner", joined: "2026-11-20" } },
  scores: { churn_risk: 0.72, cluster: "explorers", last_purchase_at: "2026-10-01T00:00:00Z" },
  segmentIds: new Set(["seg-vip"]),
  now: NOW,
  ...changes,
});
const all = (...children: (Condition | ShowIf)[]): ShowIf => ({ kind: "group", op: "and", children });
const any = (...children: (Condition | ShowIf)[]): ShowIf => ({ kind: "group", op: "or", children });

describe("show-if conditions (segment groups evaluated per recipient)", () => {
  it("compares contact fields ignoring case, as segments do", () => {
    expect(evaluateCondition(all({ kind: "attribute", field: "city", valueType: "string", op: "equals", value: "new york" }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "city", valueType: "string", op: "not_equals", value: "Boston" }), facts())).toBe(true);
  });

  it("reads custom attributes as their declared type", () => {
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.vip_tier", valueType: "string", op: "equals", value: "gold" }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.orders", valueType: "number", op: "gte", value: 3 }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.tags", valueType: "string", op: "contains", value: "RUNNER" }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.vip_tier", valueType: "string", op: "in_list", values: ["silver", "gold"] }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.joined", valueType: "date", op: "within_last_days", days: 30 }), facts())).toBe(true);
  });

  it("treats missing values as not set, and never equal", () => {
    expect(evaluateCondition(all({ kind: "attribute", field: "email", valueType: "string", op: "is_not_set" }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.missing", valueType: "string", op: "equals", value: "x" }), facts())).toBe(false);
    expect(evaluateCondition(all({ kind: "attribute", field: "attributes.missing", valueType: "number", op: "gt", value: 0 }), facts())).toBe(false);
  });

  it("compares scores numerically, categorically and by date", () => {
    expect(evaluateCondition(all({ kind: "score", field: "churn_risk", valueType: "number", op: "gte", value: 0.6 }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "score", field: "churn_risk", valueType: "number", op: "lt", value: 0.6 }), facts())).toBe(false);
    expect(evaluateCondition(all({ kind: "score", field: "cluster", valueType: "string", op: "equals", value: "Explorers" }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "score", field: "last_purchase_at", valueType: "date", op: "before", value: "2026-11-01" }), facts())).toBe(true);
  });

  it("checks segment membership from the recipient's precomputed segment ids", () => {
    expect(evaluateCondition(all({ kind: "segment", segmentId: "seg-vip", member: true }), facts())).toBe(true);
    expect(evaluateCondition(all({ kind: "segment", segmentId: "seg-vip", member: false }), facts())).toBe(false);
    expect(evaluateCondition(all({ kind: "segment", segmentId: "seg-new", member: true }), facts())).toBe(false);
  });

  it("combines nested and/or groups, and negates a group", () => {
    const condition = all(
      { kind: "attribute", field: "city", valueType: "string", op: "equals", value: "New York" },
      any({ kind: "segment", segmentId: "seg-new", member: true }, { kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 }),
    );
    expect(evaluateCondition(condition, facts())).toBe(true);
    expect(evaluateCondition(condition, facts({ scores: { churn_risk: 0.1 } }))).toBe(false);
    expect(evaluateCondition({ ...condition, negate: true }, facts({ scores: { churn_risk: 0.1 } }))).toBe(true);
  });

  it("shows a block with an empty group to everyone", () => {
    expect(evaluateCondition(all(), facts())).toBe(true);
  });

  it("never shows a block whose condition needs event facts (validation refuses it)", () => {
    expect(evaluateCondition(all({ kind: "event", did: true, name: "Order Completed", filters: [], measure: { kind: "count", op: "at_least", value: 1 }, window: { kind: "ever" } }), facts())).toBe(false);
  });

  it("parses a stored condition with the segment schema", () => {
    expect(showIfSchema.safeParse(all({ kind: "segment", segmentId: "seg-vip", member: true })).success).toBe(true);
    expect(showIfSchema.safeParse({ type: "in_segment", segmentId: "seg-vip" }).success).toBe(false);
  });
});
