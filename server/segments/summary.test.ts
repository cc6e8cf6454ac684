import { describe, expect, it } from "vitest";
import { summarizeSegment } from "./summary";
import { SEGMENT_TEMPLATES } from "./templates";
import { attr, definitionOf, evt } from "./testing/operator-cases";

const template = (id: string) => SEGMENT_TEMPLATES.find((t) => t.id === id)!.definition;

describe("summarizeSegment", () => {
  it("reads an event count and an attribute as one sentence", () => {
    const definition = definitionOf(
      evt({ name: "Order Completed", measure: { kind: "count", op: "at_least", value: 3 }, window: { kind: "last", amount: 30, unit: "days" } }),
      attr({ field: "country", valueType: "string", op: "equals", value: "US" }),
    );
    expect(summarizeSegment(definition)).toBe("Contacts who did Order Completed at least 3 times in the last 30 days and whose country is US");
  });

  it("says all contacts for an empty definition", () => {
    expect(summarizeSegment(definitionOf())).toBe("All contacts");
  });

  it("reads nested and negated groups", () => {
    const definition = definitionOf(attr({ field: "attributes.plan", valueType: "string", op: "in_list", values: ["gold", "silver"] }), {
      kind: "group",
      op: "or",
      negate: true,
      children: [{ kind: "suppression", suppressed: true, reasons: ["hard_bounce"] }, { kind: "consent", purpose: "email_marketing", state: "none" }],
    });
    expect(summarizeSegment(definition)).toBe(
      "Contacts whose plan is one of gold or silver and none of (who are suppressed (hard bounce) or with no email marketing consent recorded)",
    );
  });

  it("reads sums with property filters", () => {
    const definition = definitionOf(
      evt({
        name: "Order Completed",
        filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
        measure: { kind: "aggregate", fn: "sum", property: "revenue", op: "over", value: 100 },
        window: { kind: "last", amount: 1, unit: "hours" },
      }),
    );
    expect(summarizeSegment(definition)).toBe("Contacts who did Order Completed (category is shoes) with a total revenue over 100 in the last hour");
  });

  it("reads the templates", () => {
    expect(summarizeSegment(template("engaged-infrequent"))).toBe(
      "Contacts who did Email Opened at least 4 times in the last 7 days and who did Order Completed at most 1 time in the last 30 days",
    );
    expect(summarizeSegment(template("abandoned-cart"))).toBe(
      "Contacts who did Checkout Started (value is over 50) in the last 7 days without Order Completed within 30 minutes",
    );
    expect(summarizeSegment(template("lapsed"))).toBe("Contacts whose last seen date is set and not all of (whose last seen date is within the last 60 days)");
  });

  it("names referenced segments", () => {
    const definition = definitionOf({ kind: "segment", segmentId: "s1", member: false });
    expect(summarizeSegment(definition, { segmentName: () => "VIPs" })).toBe("Contacts who are not in VIPs");
  });
});
