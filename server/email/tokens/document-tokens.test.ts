import { describe, expect, it } from "vitest";
import { starterDocument } from "../starters";
import { documentWith } from "../test-support";
import { documentTokens } from "./document-tokens";

describe("the contact tokens of a document", () => {
  it("lists each countable token once, and skips values shared by every recipient", () => {
    const document = documentWith(
      [{ id: "h", type: "heading", level: 1, text: "{{ contact.first_name }} {{ contact.attributes.tier }} {{ campaign.name }} {{ scores.churn_risk }} {{ recommendations.first.name }} {{ contact.stats.last_order_at }}" }],
      { subject: "{{ contact.first_name | default: 'you' }}" },
    );
    expect(documentTokens(document).map((t) => t.token).sort()).toEqual([
      "contact.attributes.tier",
      "contact.first_name",
      "contact.stats.last_order_at",
      "recommendations",
      "scores.churn_risk",
    ]);
  });

  it("finds the newsletter's personalisation", () => {
    expect(documentTokens(starterDocument("newsletter")).map((t) => t.token)).toEqual(["contact.first_name", "contact.city", "contact.id", "contact.attributes.loyalty_points"]);
  });

  it("skips fields whose Liquid does not parse", () => {
    expect(documentTokens(documentWith([{ id: "h", type: "heading", level: 1, text: "{{ contact.city " }]))).toEqual([]);
  });
});
