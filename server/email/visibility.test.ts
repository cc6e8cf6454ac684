import { describe, expect, it } from "vitest";
import { starterDocument } from "./starters";
import { recipientWith } from "./test-support";
import { blockVisibilityFor, describeCondition } from "./visibility";

describe("block visibility for the preview", () => {
  it("says which conditional blocks a contact sees and why", () => {
    const recipient = recipientWith({ contact: { city: "New York", attributes: { vip_tier: "silver" } }, scores: { churn_risk: 0.8 } });
    expect(blockVisibilityFor(starterDocument("newsletter"), recipient)).toEqual([
      { blockId: "comeback", shown: true, condition: "score churn_risk is at least 0.6" },
      { blockId: "vip", shown: false, condition: "vip_tier is gold" },
      { blockId: "new-york", shown: true, condition: "city is New York" },
    ]);
  });

  it("describes nested groups with their connectives", () => {
    expect(
      describeCondition({
        type: "group",
        match: "any",
        conditions: [
          { type: "in_segment", segmentId: "seg-vip", negate: false },
          { type: "group", match: "all", conditions: [{ type: "attribute", field: "email", operator: "is_set" }, { type: "score", score: "clv", operator: "gt", value: 500 }] },
        ],
      }),
    ).toBe("in segment seg-vip or (email is set and score clv is over 500)");
  });
});
