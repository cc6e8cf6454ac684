import { describe, expect, it } from "vitest";
import { evaluateSegment } from "./evaluate";
import { AUDIENCE, all, attr, definitionOf, NOW, OPERATOR_CASES } from "./testing/operator-cases";
import type { SegmentDefinition } from "./definition";

describe("the reference evaluator", () => {
  it.each(OPERATOR_CASES)("$title", ({ node, expected }) => {
    expect(evaluateSegment(definitionOf(node), AUDIENCE, { now: NOW }).sort()).toEqual([...expected].sort());
  });

  it("matches contacts in another segment, or not in it", () => {
    const inUs: SegmentDefinition = definitionOf(attr({ field: "country", valueType: "string", op: "equals", value: "us" }));
    const segments = new Map([["seg-us", inUs]]);
    const member = definitionOf({ kind: "segment", segmentId: "seg-us", member: true });
    const nonMember = definitionOf({ kind: "segment", segmentId: "seg-us", member: false });
    expect(evaluateSegment(member, AUDIENCE, { now: NOW, segments })).toEqual(["ana", "ben"]);
    expect(evaluateSegment(nonMember, AUDIENCE, { now: NOW, segments })).toEqual(all("ana", "ben"));
  });

  it("tests score conditions on the contacts' scores, unscored contacts having none", () => {
    const scored = { ...AUDIENCE, scores: [{ contactId: AUDIENCE.contacts[0]!.id, churn_risk: 0.8 }, { contactId: AUDIENCE.contacts[1]!.id, churn_risk: 0.2 }] };
    const risky = definitionOf({ kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 });
    expect(evaluateSegment(risky, scored, { now: NOW })).toEqual([AUDIENCE.contacts[0]!.id]);
    const notRisky = definitionOf({ kind: "group", op: "and", negate: true, children: [{ kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 }] });
    expect(evaluateSegment(notRisky, scored, { now: NOW })).toEqual(AUDIENCE.contacts.slice(1).map((c) => c.id));
  });
});
