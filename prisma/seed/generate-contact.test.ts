import { describe, expect, it } from "vitest";
import { buildCampaigns, buildCatalogue } from "./generate-catalogue";
import { activityWeight, planContact, type GeneratorWorld } from "./generate-contact";
import { copyField, copyLine } from "./generate-copy";

const NOW = Date.UTC(2026, 10, 20, 12);
const worldFor = (seed: number): GeneratorWorld => ({ seed, nowMs: NOW, catalogue: buildCatalogue(seed), campaigns: buildCampaigns(seed, NOW) });
const world = worldFor(42);
const sample = Array.from({ length: 2000 }, (_, i) => planContact(world, i, 5 + (i % 40)));

describe("the demo audience generator", () => {
  it("produces the same contacts, products and campaigns for the same seed", () => {
    const again = worldFor(42);
    expect(again.catalogue.products).toEqual(world.catalogue.products);
    expect(again.campaigns).toEqual(world.campaigns);
    expect(planContact(again, 17, 30)).toEqual(planContact(world, 17, 30));
    expect(planContact(worldFor(7), 17, 30)).not.toEqual(planContact(world, 17, 30));
  });

  it("gives each contact exactly its event budget, in time order, within the past year", () => {
    sample.forEach((contact, i) => {
      expect(contact.events).toHaveLength(5 + (i % 40));
      const times = contact.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
      expect(Math.min(...times)).toBeGreaterThan(NOW - 366 * 86_400_000);
    });
  });

  it("makes unique, reserved-domain addresses for almost every contact", () => {
    const emails = sample.map((c) => c.email).filter((e): e is string => e !== null);
    expect(emails.length / sample.length).toBeGreaterThan(0.94);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9._]+@(example\.(com|net|org)|[a-z]+\.example)$/.test(e))).toBe(true);
    expect(sample.every((c) => c.email !== null || c.externalId !== null)).toBe(true);
  });

  it("records consent for most contacts: mostly granted, some withdrawn or denied", () => {
    const current = sample.map((c) => c.consents.filter((x) => x.purpose === "email_marketing").sort((a, b) => a.at - b.at).at(-1)?.state ?? "none");
    const share = (state: string) => current.filter((s) => s === state).length / sample.length;
    expect(share("granted")).toBeGreaterThan(0.7);
    expect(share("withdrawn")).toBeGreaterThan(0.02);
    expect(share("denied")).toBeGreaterThan(0.04);
    expect(share("none")).toBeGreaterThan(0.05);
  });

  it("emails only contacts while they consent, and suppresses those who unsubscribe", () => {
    for (const contact of sample) {
      const granted = contact.consents.find((c) => c.purpose === "email_marketing" && c.state === "granted");
      const emails = contact.events.filter((e) => e.name === "Email Sent");
      if (!granted) expect(emails).toEqual([]);
      if (contact.events.some((e) => e.name === "Unsubscribed")) {
        expect(contact.suppressions.map((s) => s.reason)).toContain("unsubscribe");
      }
    }
    const engaged = sample.flatMap((c) => c.events).filter((e) => e.name.startsWith("Email"));
    expect(engaged.filter((e) => e.name === "Email Opened").length).toBeGreaterThan(0);
  });

  it("makes orders whose revenue is the sum of their items", () => {
    const orders = sample.flatMap((c) => c.events).filter((e) => e.name === "Order Completed");
    expect(orders.length).toBeGreaterThan(50);
    for (const order of orders) {
      const properties = JSON.parse(order.properties) as { revenue: number; products: { price: number; quantity: number }[] };
      const sum = properties.products.reduce((total, p) => total + p.price * p.quantity, 0);
      expect(order.revenue).toBeCloseTo(sum, 2);
      expect(properties.revenue).toBe(order.revenue);
    }
  });

  it("leaves carts abandoned: more additions than orders", () => {
    const events = sample.flatMap((c) => c.events);
    const carts = new Set(events.filter((e) => e.name === "Product Added").map((e) => (JSON.parse(e.properties) as { cart_id: string }).cart_id));
    const orders = events.filter((e) => e.name === "Order Completed").length;
    expect(carts.size).toBeGreaterThan(orders * 1.5);
  });

  it("skews activity: a tenth inactive, the top tenth holding a large share", () => {
    const weights = Array.from({ length: 20_000 }, (_, i) => activityWeight(42, i)).sort((a, b) => b - a);
    const total = weights.reduce((a, b) => a + b, 0);
    const zero = weights.filter((w) => w === 0).length / weights.length;
    expect(zero).toBeGreaterThan(0.08);
    expect(zero).toBeLessThan(0.12);
    expect(weights.slice(0, 2000).reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.35);
  });
});

describe("COPY text fields", () => {
  it("escape backslashes, tabs and line breaks and write null as \\N", () => {
    expect(copyField('say "hi"\\n')).toBe('say "hi"\\\\n');
    expect(copyLine(["a\tb", null, 3, "x\ny"])).toBe("a\\tb\t\\N\t3\tx\\ny\n");
  });
});

describe("recency", () => {
  it("spreads the latest activity of contacts instead of piling it up at the current minute", () => {
    const lastSeen = sample.map((c) => c.events.at(-1)!.at);
    const inLastHour = lastSeen.filter((at) => at > NOW - 3_600_000).length;
    expect(inLastHour / sample.length).toBeLessThan(0.01);
  });
});
