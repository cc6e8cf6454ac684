import { describe, expect, it } from "vitest";
import { starterDocument } from "./starters";
import { documentWith, recipientWith } from "./test-support";
import { blockVisibilityFor, describeCondition } from "./visibility";

describe("block visibility for the preview", () => {
  it("says for every block whether a contact sees it and why", () => {
    const recipient = recipientWith({ contact: { city: "New York", attributes: { vip_tier: "silver" } }, scores: { churn_risk: 0.8 } });
    const blocks = blockVisibilityFor(starterDocument("newsletter"), recipient);
    expect(blocks.find((b) => b.blockId === "comeback")).toEqual({ blockId: "comeback", shown: true, reason: "Shown: this contact is one whose churn risk is at least 0.6" });
    expect(blocks.find((b) => b.blockId === "vip")).toEqual({ blockId: "vip", shown: false, reason: "Hidden: shown only to contacts whose vip_tier is gold" });
    expect(blocks.find((b) => b.blockId === "new-york")).toEqual({ blockId: "new-york", shown: true, reason: "Shown: this contact is one whose city is New York" });
    expect(blocks.find((b) => b.blockId === "title")).toEqual({ blockId: "title", shown: true, reason: "Shown to everyone" });
    expect(blocks.map((b) => b.blockId)).toContain("points-text");
  });

  it("hides a block whose condition needs event facts, saying to use a segment", () => {
    const document = documentWith([
      { id: "buyers", type: "spacer", height: 8, showIf: { kind: "group", op: "and", children: [{ kind: "event", did: true, name: "Order Completed" }] } },
    ]);
    const [buyers] = blockVisibilityFor(document, recipientWith());
    expect(buyers?.shown).toBe(false);
    expect(buyers?.reason).toMatch(/use a segment/);
  });

  it("decides nested and negated groups for the contact, and says why", () => {
    const showIf = {
      kind: "group",
      op: "and",
      children: [
        { kind: "attribute", field: "city", valueType: "string", op: "equals", value: "Portland" },
        { kind: "group", op: "or", negate: true, children: [{ kind: "segment", segmentId: "seg-vip", member: true }, { kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 }] },
      ],
    } as never;
    const document = documentWith([{ id: "nested", type: "spacer", height: 8, showIf }]);
    const loyal = recipientWith({ contact: { city: "Portland" }, scores: { churn_risk: 0.1 } });
    const vip = recipientWith({ contact: { city: "Portland" }, scores: { churn_risk: 0.1 }, segments: ["seg-vip"] });
    const [shown] = blockVisibilityFor(document, loyal, { segmentName: (id) => (id === "seg-vip" ? "VIP" : undefined) });
    expect(shown).toEqual({ blockId: "nested", shown: true, reason: "Shown: this contact is one whose city is Portland and none of (who are in VIP or whose churn risk is over 0.5)" });
    expect(blockVisibilityFor(document, vip)[0]?.shown).toBe(false);
  });

  it("hides a block when a condition deep inside a group needs event facts", () => {
    const showIf = { kind: "group", op: "or", children: [{ kind: "group", op: "and", children: [{ kind: "sequence", first: { name: "Product Added" }, notFollowedBy: { name: "Order Completed" }, withinMinutes: 30 }] }] } as never;
    const [block] = blockVisibilityFor(documentWith([{ id: "deep", type: "spacer", height: 8, showIf }]), recipientWith());
    expect(block).toEqual({ blockId: "deep", shown: false, reason: expect.stringMatching(/^Hidden: Event conditions are not available/) });
  });

  it("describes nested groups with their connectives and saved segment names", () => {
    expect(
      describeCondition(
        {
          kind: "group",
          op: "or",
          children: [
            { kind: "segment", segmentId: "seg-vip", member: true },
            {
              kind: "group",
              op: "and",
              children: [
                { kind: "attribute", field: "email", valueType: "string", op: "is_set" },
                { kind: "score", field: "predicted_clv", valueType: "number", op: "gt", value: 500 },
              ],
            },
          ],
        },
        (id) => (id === "seg-vip" ? "VIP" : undefined),
      ),
    ).toBe("who are in VIP or (whose email is set and whose predicted clv is over 500)");
  });
});
