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
