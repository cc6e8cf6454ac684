import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentWith } from "../test-support";
import { emailWorkspace, makeContact, makeContactScore, makeEvent, makeProduct, makeSavedSegment } from "../../../tests/factories/emails";
import { testDb } from "../../../tests/factories";
import { UserFacingError } from "../../errors";
import { loadRecipients } from "../recipients";
import { countEmptyTokens } from "./count-empty-tokens";

const db = testDb();
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  ctx = await emailWorkspace(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const document = documentWith(
  [
    { id: "hi", type: "heading", level: 1, text: 'Hi {{ contact.first_name | default: "there" }} from {{ contact.city }}' },
    { id: "tier", type: "heading", level: 2, text: "{{ contact.attributes.tier }} · {{ scores.churn_risk }} · {{ campaign.name }}" },
  ],
  { subject: "{{ contact.first_name }}, news" },
);

describe("empty tokens", () => {
  it("counts, per token, the contacts of the audience who would see it empty", async () => {
    const ws = ctx.workspace.id;
    const ava = await makeContact(db, ws, { email: "ava@example.test", firstName: "Ava", city: "Portland", attributes: { tier: "gold" } });
    await makeContact(db, ws, { email: "ben@example.test", firstName: "", city: null, attributes: { tier: "" } });
    await makeContact(db, ws, { email: "cy@example.test", firstName: null, city: "Austin" });
    await makeContactScore(db, ws, ava.id, { churnRisk: 0.4 });
    expect(await countEmptyTokens(db, ws, document, null)).toEqual([
      { token: "contact.first_name", empty: 2, total: 3 },
      { token: "contact.city", empty: 1, total: 3 },
      { token: "contact.attributes.tier", empty: 2, total: 3 },
      { token: "scores.churn_risk", empty: 2, total: 3 },
      { token: "campaign.name", empty: 0, total: 3 },
      { token: "unsubscribe_url", empty: 0, total: 3 },
    ]);
  });

  it("counts within a saved segment, and refuses another workspace's segment", async () => {
    const ws = ctx.workspace.id;
    const dee = await makeContact(db, ws, { email: "dee@example.test", firstName: "Dee", city: null });
    const segmentId = await makeSavedSegment(db, ws, "Just Dee", [dee.id]);
    const counts = await countEmptyTokens(db, ws, document, segmentId);
    expect(counts.find((c) => c.token === "contact.city")).toEqual({ token: "contact.city", empty: 1, total: 1 });
    expect(counts.find((c) => c.token === "contact.first_name")).toEqual({ token: "contact.first_name", empty: 0, total: 1 });
    const other = await emailWorkspace(db);
    const theirs = await makeSavedSegment(db, other.workspace.id, "Theirs", []);
    const error = await countEmptyTokens(db, ws, document, theirs).catch((e: unknown) => e);
    expect((error as UserFacingError).code).toBe("NOT_FOUND");
  });

  it("counts cart, order-stat and shared tokens from the same data the renderer reads", async () => {
    const { workspace } = await emailWorkspace(db);
    const ws = workspace.id;
    const now = new Date("2026-11-26T12:00:00Z");
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    await makeProduct(db, ws, "JKT-1", { name: "Trail Jacket", price: 120 });
    await makeProduct(db, ws, "CAP-1", { name: "Cap", price: 20, url: "" });
    const open = await makeContact(db, ws, { email: "open@example.test" });
    const unlinked = await makeContact(db, ws, { email: "unlinked@example.test" });
    const ordered = await makeContact(db, ws, { email: "ordered@example.test" });
    const stale = await makeContact(db, ws, { email: "stale@example.test" });
    const unknownSku = await makeContact(db, ws, { email: "unknown@example.test" });
    // Adds without a cart id form one cart, as the renderer reads them.
    const noCartId = await makeContact(db, ws, { email: "nocart@example.test" });
    await makeEvent(db, ws, open.id, "Product Added", days(1), { sku: "JKT-1", quantity: 1, cart_id: "a" });
    await makeEvent(db, ws, unlinked.id, "Product Added", days(1), { sku: "CAP-1", cart_id: "b" });
    // An older cart with a linked product does not count: only the latest cart is printed.
    await makeEvent(db, ws, unlinked.id, "Product Added", days(5), { sku: "JKT-1", cart_id: "old" });
    await makeEvent(db, ws, ordered.id, "Product Added", days(3), { sku: "JKT-1", cart_id: "c" });
    await makeEvent(db, ws, ordered.id, "Order Completed", days(2), {}, 120);
    await makeEvent(db, ws, stale.id, "Product Added", days(45), { sku: "JKT-1", cart_id: "d" });
    await makeEvent(db, ws, unknownSku.id, "Product Added", days(1), { sku: "GONE-1", cart_id: "e" });
    await makeEvent(db, ws, noCartId.id, "Product Added", days(1), { product_id: "JKT-1" });
    const cartDocument = documentWith([
      { id: "cart", type: "products", title: "Your cart", source: "cart", count: 4, fallback: "hide", buttonLabel: "View" },
      {
        id: "t",
        type: "heading",
        level: 2,
        text: "{% if cart.total %}{{ cart.total }} {{ cart.currency }} {{ cart.url }}{% endif %} {{ contact.stats.last_order_at }} {{ contact.stats.orders_count }} {{ campaign.name }}",
      },
    ]);

    const counts = await countEmptyTokens(db, ws, cartDocument, null, now);
    expect(counts).toEqual([
      { token: "cart.total", empty: 3, total: 6 },
      { token: "cart.currency", empty: 3, total: 6 },
      { token: "cart.url", empty: 4, total: 6 },
      { token: "contact.stats.last_order_at", empty: 5, total: 6 },
      { token: "contact.stats.orders_count", empty: 0, total: 6 },
      { token: "campaign.name", empty: 0, total: 6 },
      { token: "unsubscribe_url", empty: 0, total: 6 },
      { token: "cart.items", empty: 3, total: 6 },
    ]);
    const recipients = await loadRecipients(db, ws, [open, unlinked, ordered, stale, unknownSku, noCartId].map((c) => c.id.toString()), { unsubscribeUrl: () => "", now });
    expect(recipients.filter((r) => r.cart === null)).toHaveLength(3);
    expect(recipients.filter((r) => !r.cart?.url)).toHaveLength(4);
    expect(recipients.filter((r) => r.contact.stats.last_order_at === null)).toHaveLength(5);
  });
});
