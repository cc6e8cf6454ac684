import { describe, expect, it } from "vitest";
import { assembleRecipients, scoresFromRow, type RecipientRows } from "./recipient-rows";

const contact = (id: string) => ({ id, email: `${id}@example.test`, first_name: "Ava", last_name: null, phone: null, locale: null, time_zone: null, country: null, region: null, city: null, attributes: { tier: "gold" } });
const empty: RecipientRows = { contacts: [], orderStats: [], scores: [], recommendations: [], cartItems: [], products: [], segments: [] };
const links = { unsubscribeUrl: (id: string) => `https://t.example/u/${id}` };

describe("assembling recipients from set-wise rows", () => {
  it("names scores both as templates and as segment conditions read them", () => {
    expect(scoresFromRow({ contact_id: "1", run_id: "r", churn_risk: 0.3, propensity_30d: 0.8, predicted_clv: 420, rfm_segment: "champions", recommendations: ["1"] })).toEqual({
      churn_risk: 0.3,
      purchase_propensity: 0.8,
      propensity: 0.8,
      clv: 420,
      predicted_clv: 420,
      rfm_segment: "champions",
    });
  });

  it("gives a contact without orders, scores or cart zero stats, no cart and no segments", () => {
    const [recipient] = assembleRecipients({ ...empty, contacts: [contact("7")] }, links);
    expect(recipient).toMatchObject({
      contact: { id: "7", attributes: { tier: "gold" }, stats: { orders_count: 0, total_spent: 0, average_order_value: null, last_order_at: null } },
      recommendations: [],
      cart: null,
      unsubscribe_url: "https://t.example/u/7",
    });
    expect(recipient!.scores).toMatchObject({ orders: 0, total_spend: 0 });
    expect(recipient!.segment_ids.size).toBe(0);
  });

  it("keeps recommendations in their ranked order and prices the cart", () => {
    const product = (id: string, sku: string, price: number) => ({ id, sku, name: `P${id}`, category: null, price, currency: "EUR", image_url: null, url: `https://shop.example/p/${id}` });
    const [recipient] = assembleRecipients(
      {
        ...empty,
        contacts: [contact("7")],
        products: [product("1", "A", 10), product("2", "B", 2.5)],
        recommendations: [{ contact_id: "7", product_ids: ["2", "1", "99"] }],
        cartItems: [{ contact_id: "7", sku: "B", quantity: 3 }],
      },
      links,
    );
    expect(recipient!.recommendations.map((p) => p.id)).toEqual(["2", "1"]);
    expect(recipient!.cart).toMatchObject({ total: 7.5, currency: "EUR", url: "https://shop.example/cart", items: [{ id: "2", quantity: 3 }] });
  });
});
