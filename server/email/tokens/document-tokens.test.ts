import { describe, expect, it } from "vitest";
import { starterDocument } from "../starters";
import { documentWith } from "../test-support";
import { documentTokens } from "./document-tokens";

describe("the contact tokens of a document", () => {
  it("lists each token once, values shared by every recipient included", () => {
    const document = documentWith(
      [{ id: "h", type: "heading", level: 1, text: "{{ contact.first_name }} {{ contact.attributes.tier }} {{ campaign.name }} {{ scores.churn_risk }} {{ recommendations.first.name }} {{ contact.stats.last_order_at }}" }],
      { subject: "{{ contact.first_name | default: 'you' }}" },
    );
    expect(documentTokens(document).map((t) => t.token).sort()).toEqual([
      "campaign.name",
      "contact.attributes.tier",
      "contact.first_name",
      "contact.stats.last_order_at",
      "recommendations",
      "scores.churn_risk",
      "unsubscribe_url",
    ]);
  });

  it("counts the cart's fields and the product lists that products blocks print", () => {
    const document = documentWith([
      { id: "h", type: "heading", level: 1, text: "{% if cart.total %}{{ cart.total | money: cart.currency }}{% endif %} {{ cart.nope }}" },
      { id: "c", type: "products", title: "Cart", source: "cart", count: 3, fallback: "hide", buttonLabel: "View" },
      { id: "r", type: "products", title: "For you", source: "recommendations", count: 3, fallback: "best_sellers", buttonLabel: "View" },
    ]);
    expect(documentTokens(document).map((t) => t.token)).toEqual(["cart.total", "cart.currency", "unsubscribe_url", "cart.items", "recommendations"]);
  });

  it("finds the newsletter's personalisation", () => {
    expect(documentTokens(starterDocument("newsletter")).map((t) => t.token)).toEqual(["contact.first_name", "contact.city", "contact.id", "contact.attributes.loyalty_points", "campaign.name", "unsubscribe_url", "recommendations"]);
  });

  it("skips fields whose Liquid does not parse", () => {
    expect(documentTokens(documentWith([{ id: "h", type: "heading", level: 1, text: "{{ contact.city " }])).map((t) => t.token)).toEqual(["unsubscribe_url"]);
  });
});
