import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailWorkspace, makeContact, makeContactScore, makeEvent, makeProduct, makeSavedSegment } from "../../../tests/factories/emails";
import { testDb } from "../../../tests/factories";
import { loadRecipients } from "./load-recipients";

const db = testDb();
const unsubscribeUrl = (id: string) => `https://tailor.example.com/u/${id}`;
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  ctx = await emailWorkspace(db);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("loading recipients for a send", () => {
  it("gathers contact, order stats, cart, scores with recommendations and segment ids for a batch", async () => {
    const ws = ctx.workspace.id;
    const now = new Date("2026-11-26T12:00:00Z");
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const jacket = await makeProduct(db, ws, "JKT-1", { name: "Trail Jacket", category: "Jackets", price: 120 });
    const boots = await makeProduct(db, ws, "BOOT-1", { name: "Summit Boots", category: "Shoes", price: 90 });
    const ava = await makeContact(db, ws, { email: "ava@example.test", firstName: "Ava", city: "Portland", attributes: { vip_tier: "gold" } });
    const ben = await makeContact(db, ws, { email: "ben@example.test", firstName: "Ben" });
    await makeEvent(db, ws, ava.id, "Order Completed", days(20), {}, 50);
    await makeEvent(db, ws, ava.id, "Order Completed", days(10), {}, 30);
    await makeEvent(db, ws, ava.id, "Product Added", days(2), { sku: "JKT-1", quantity: 2, cart_id: "c2" });
    await makeEvent(db, ws, ava.id, "Product Added", days(15), { sku: "BOOT-1", quantity: 1, cart_id: "c1" });
    // Ben ordered after filling his cart: nothing is abandoned.
    await makeEvent(db, ws, ben.id, "Product Added", days(3), { sku: "BOOT-1", quantity: 1, cart_id: "c3" });
    await makeEvent(db, ws, ben.id, "Order Completed", days(2), {}, 90);
    await makeContactScore(db, ws, ava.id, { churnRisk: 0.7, propensity: 0.2, recommendations: [boots.id, jacket.id] });
    const segmentId = await makeSavedSegment(db, ws, "Gold", [ava.id]);

    const [a, b] = await loadRecipients(db, ws, [ava.id.toString(), ben.id.toString()], { unsubscribeUrl, now });
    expect(a!.contact).toMatchObject({ id: ava.id.toString(), first_name: "Ava", city: "Portland", attributes: { vip_tier: "gold" } });
    expect(a!.contact.stats).toEqual({ orders_count: 2, total_spent: 80, average_order_value: 40, last_order_at: days(10).toISOString() });
    expect(a!.cart).toEqual({ items: [expect.objectContaining({ name: "Trail Jacket", quantity: 2, price: 120 })], total: 240, currency: "USD", url: "https://shop.example.com/cart" });
    expect(a!.recommendations.map((p) => p.name)).toEqual(["Summit Boots", "Trail Jacket"]);
    expect(a!.scores).toMatchObject({ churn_risk: 0.7, purchase_propensity: 0.2, propensity: 0.2, total_spend: 80, orders: 2 });
    expect([...a!.segment_ids]).toEqual([segmentId]);
    expect(a!.unsubscribe_url).toBe(unsubscribeUrl(ava.id.toString()));
    expect(b!.cart).toBeNull();
    expect(b!.recommendations).toEqual([]);
    expect(b!.segment_ids.size).toBe(0);
  });

  it("ignores contacts of another workspace", async () => {
    const other = await emailWorkspace(db);
    const theirs = await makeContact(db, other.workspace.id, { email: "theirs@example.test" });
    expect(await loadRecipients(db, ctx.workspace.id, [theirs.id.toString()], { unsubscribeUrl })).toEqual([]);
  });
});
