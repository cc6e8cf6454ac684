import { describe, expect, it } from "vitest";
import { conditionSchema, evaluateCondition, type Condition, type ConditionFacts } from "./conditions";

const facts = (changes: Partial<ConditionFacts> = {}): ConditionFacts => ({
  contact: { city: "New York", first_name: "Ava", email: null, attributes: { vip_tier: "Gold", orders: 3, tags: "outdoor,runner" } },
  scores: { churn_risk: 0.72, cluster: "explorers" },
  segmentIds: new Set(["seg-vip"]),
  ...changes,
});

describe("show-if conditions", () => {
  it("compares contact fields ignoring case", () => {
    expect(evaluateCondition({ type: "attribute", field: "city", operator: "eq", value: "new york" }, facts())).toBe(true);
    expect(evaluateCondition({ type: "attribute", field: "city", operator: "neq", value: "Boston" }, facts())).toBe(true);
  });

  it("reads custom attributes", () => {
    expect(evaluateCondition({ type: "attribute", field: "attributes.vip_tier", operator: "eq", value: "gold" }, facts())).toBe(true);
    expect(evaluateCondition({ type: "attribute", field: "attributes.orders", operator: "gte", value: 3 }, facts())).toBe(true);
    expect(evaluateCondition({ type: "attribute", field: "attributes.tags", operator: "contains", value: "RUNNER" }, facts())).toBe(true);
    expect(evaluateCondition({ type: "attribute", field: "attributes.vip_tier", operator: "in", value: ["silver", "gold"] }, facts())).toBe(true);
  });

  it("treats missing and empty values as not set, and never equal", () => {
    expect(evaluateCondition({ type: "attribute", field: "email", operator: "is_not_set" }, facts())).toBe(true);
    expect(evaluateCondition({ type: "attribute", field: "attributes.missing", operator: "eq", value: "" }, facts())).toBe(false);
    expect(evaluateCondition({ type: "attribute", field: "attributes.missing", operator: "gt", value: 0 }, facts())).toBe(false);
  });

  it("compares scores numerically and categorically", () => {
    expect(evaluateCondition({ type: "score", score: "churn_risk", operator: "gte", value: 0.6 }, facts())).toBe(true);
    expect(evaluateCondition({ type: "score", score: "churn_risk", operator: "lt", value: 0.6 }, facts())).toBe(false);
    expect(evaluateCondition({ type: "score", score: "cluster", operator: "eq", value: "Explorers" }, facts())).toBe(true);
  });

  it("checks segment membership from the precomputed set", () => {
    expect(evaluateCondition({ type: "in_segment", segmentId: "seg-vip", negate: false }, facts())).toBe(true);
    expect(evaluateCondition({ type: "in_segment", segmentId: "seg-vip", negate: true }, facts())).toBe(false);
    expect(evaluateCondition({ type: "in_segment", segmentId: "seg-new", negate: false }, facts())).toBe(false);
  });

  it("combines conditions in nested all/any groups", () => {
    const condition: Condition = {
      type: "group",
      match: "all",
      conditions: [
        { type: "attribute", field: "city", operator: "eq", value: "New York" },
        { type: "group", match: "any", conditions: [{ type: "in_segment", segmentId: "seg-new", negate: false }, { type: "score", score: "churn_risk", operator: "gt", value: 0.5 }] },
      ],
    };
    expect(evaluateCondition(condition, facts())).toBe(true);
    expect(evaluateCondition(condition, facts({ scores: { churn_risk: 0.1 } }))).toBe(false);
  });

  it("parses a stored condition and fills defaults", () => {
    expect(conditionSchema.parse({ type: "in_segment", segmentId: "seg-vip" })).toEqual({ type: "in_segment", segmentId: "seg-vip", negate: false });
  });

  it("rejects groups nested deeper than four levels", () => {
    let condition: Condition = { type: "in_segment", segmentId: "s", negate: false };
    for (let depth = 0; depth < 5; depth++) condition = { type: "group", match: "all", conditions: [condition] };
    expect(conditionSchema.safeParse(condition).success).toBe(false);
  });

  it("rejects empty groups", () => {
    expect(conditionSchema.safeParse({ type: "group", match: "any", conditions: [] }).success).toBe(false);
  });
});
