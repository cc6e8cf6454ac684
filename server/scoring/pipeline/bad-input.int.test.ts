// Scoring a tiny workspace with awkward data: no purchases, one purchase, refunds, events
// arriving out of order. Purchase models are skipped with a clear reason; the rest still run.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContact, makeEvent } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { runScoring, scoringClient } from "../../../tests/factories/scores";
import { computeContactFeatures } from "../features/compute-features";
import { readContactScores } from "../store/read-contact-scores";
import { readLatestScores } from "../store/read-latest-scores";

const db = testDb();
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
let client: pg.Client;
let workspaceId: string;
const ids: Record<string, string> = {};

const order = (revenue: number, at: Date) => ({ name: "Order Completed", revenue, occurredAt: at, properties: { revenue } });

beforeAll(async () => {
  client = await scoringClient();
  workspaceId = (await makeWorkspace(db)).id;
  const browser = await makeContact(db, workspaceId, { timeZone: "Europe/Amsterdam" });
  await makeEvent(db, browser, { occurredAt: daysAgo(3), properties: { sku: "NONE", category: "shoes" } });
  await makeEvent(db, browser, { occurredAt: daysAgo(2), name: "Email Opened" });
  const oneTime = await makeContact(db, workspaceId);
  await makeEvent(db, oneTime, order(40, daysAgo(20)));
  // Inserted newest first: ids and time disagree.
  const outOfOrder = await makeContact(db, workspaceId);
  await makeEvent(db, outOfOrder, order(30, daysAgo(5)));
  await makeEvent(db, outOfOrder, order(50, daysAgo(40)));
  await makeEvent(db, outOfOrder, order(20, daysAgo(80)));
  const refunded = await makeContact(db, workspaceId);
  await makeEvent(db, refunded, order(100, daysAgo(60)));
  await makeEvent(db, refunded, order(60, daysAgo(30)));
  await makeEvent(db, refunded, { name: "Order Refunded", revenue: 100, occurredAt: daysAgo(25) });
  const negative = await makeContact(db, workspaceId);
  await makeEvent(db, negative, order(-15, daysAgo(10)));
  const silent = await makeContact(db, workspaceId);
  // Two carts: one abandoned, one ordered within the hour; three sessions, one of them old.
  const shopper = await makeContact(db, workspaceId);
  await makeEvent(db, shopper, { name: "Page Viewed", type: "page", occurredAt: daysAgo(2), properties: { session_id: "s1" } });
  await makeEvent(db, shopper, { name: "Product Added", occurredAt: daysAgo(2), properties: { cart_id: "abandoned", category: "bags" } });
  await makeEvent(db, shopper, { name: "Page Viewed", type: "page", occurredAt: daysAgo(1), properties: { session_id: "s2" } });
  await makeEvent(db, shopper, { name: "Product Added", occurredAt: daysAgo(1), properties: { cart_id: "bought", category: "bags" } });
  await makeEvent(db, shopper, { name: "Checkout Started", occurredAt: new Date(daysAgo(1).getTime() + 60_000), properties: { cart_id: "bought" } });
  await makeEvent(db, shopper, order(80, new Date(daysAgo(1).getTime() + 30 * 60_000)));
  await makeEvent(db, shopper, { name: "Page Viewed", type: "page", occurredAt: daysAgo(45), properties: { session_id: "s0" } });
  Object.assign(ids, {
    shopper: shopper.id.toString(),
    browser: browser.id.toString(),
    oneTime: oneTime.id.toString(),
    outOfOrder: outOfOrder.id.toString(),
    refunded: refunded.id.toString(),
    negative: negative.id.toString(),
    silent: silent.id.toString(),
  });
});
afterAll(async () => {
  await client.end();
});

describe("scoring a tiny workspace with awkward data", () => {
  it("computes features from events in any order, net of refunds", async () => {
    await computeContactFeatures(client, workspaceId, new Date(), null);
    const feature = (id: string) => db.contactFeature.findUniqueOrThrow({ where: { contactId: BigInt(id) } });
    const outOfOrder = await feature(ids.outOfOrder!);
    // The first purchase (20, 80 days ago) is not a repeat transaction.
    expect(outOfOrder).toMatchObject({ orders: 3, purchaseDays: 3, monetaryTotal: 100, repeatMonetaryTotal: 80, purchases30d: 1, purchases90d: 3 });
    expect(outOfOrder.firstPurchaseAt!.getTime()).toBeLessThan(outOfOrder.lastPurchaseAt!.getTime());
    expect(await feature(ids.refunded!)).toMatchObject({ orders: 2, monetaryTotal: 60 });
    // A negative "order" is a refund by another name: it lowers spend and is not an order.
    expect(await feature(ids.negative!)).toMatchObject({ orders: 0, monetaryTotal: -15 });
    expect(await feature(ids.silent!)).toMatchObject({ orders: 0, monetaryTotal: 0, opens30d: 0, favouriteCategory: null });
    expect(await feature(ids.browser!)).toMatchObject({ orders: 0, opens7d: 1, opens30d: 1, opens90d: 1, views7d: 1, views90d: 1, carts90d: 0, favouriteCategory: "shoes" });
    const shopper = await feature(ids.shopper!);
    expect(shopper).toMatchObject({ cartAbandonments: 1, sessions7d: 2, sessions30d: 2, sessions90d: 3, carts7d: 2, views90d: 0, orders: 1, favouriteCategory: "bags" });
    expect(shopper.activityHours.reduce((sum, n) => sum + n, 0)).toBe(3);
    expect(shopper.lastEventAt!.getTime()).toBeGreaterThan(daysAgo(1.1).getTime());
  });

  it("skips the purchase models with a clear reason and still scores everyone", async () => {
    const outcome = await runScoring(db, client, workspaceId);
    expect(outcome.contacts).toBe(7);
    const latest = (await readLatestScores(db, workspaceId))!;
    for (const name of ["bgnbd", "gammaGamma", "propensity", "clusters"] as const) {
      expect(latest.models[name]).toMatchObject({ status: "skipped", reason: expect.stringMatching(/at least 50 contacts with a purchase/) });
    }
    expect(latest.models.clv.status).toBe("skipped");
    expect(latest.models.rfm).toMatchObject({ status: "ok", validation: { purchasers: 4 } });
    expect(latest.models.sendHour.status).toBe("ok");
    expect(await db.contactScore.count({ where: { workspaceId } })).toBe(7);

    const silent = (await readContactScores(db, workspaceId, ids.silent!))!;
    expect(silent).toMatchObject({ rfm: null, churnRisk: null, propensity30d: null, predictedClv: null });
    expect(silent.explanation[0]).toBe("Has not bought yet.");
    const buyer = (await readContactScores(db, workspaceId, ids.outOfOrder!))!;
    expect(buyer.rfm).toMatchObject({ segment: expect.any(String) });
    expect(buyer.features).toMatchObject({ frequency: 3, monetaryTotal: 100, monetaryAvg: 100 / 3 });
    expect(buyer.bestSendHour).toEqual(expect.any(Number));
  });

  it("refreshes only contacts with new or recent events on the next pass", async () => {
    const run = await db.scoreRun.findFirstOrThrow({ where: { workspaceId, status: "succeeded" } });
    const watermark = (run.fitted as { eventWatermark: string }).eventWatermark;
    // Move every feature row's activity out of the windows, so only new events put a contact in scope.
    await db.contactFeature.updateMany({ where: { workspaceId }, data: { lastEventAt: daysAgo(400) } });
    const silent = await db.contact.findUniqueOrThrow({ where: { id: BigInt(ids.silent!) } });
    await makeEvent(db, silent, order(25, daysAgo(1)));
    const pass = await computeContactFeatures(client, workspaceId, new Date(), watermark);
    expect(pass).toMatchObject({ mode: "incremental", contacts: 1 });
    expect(await db.contactFeature.findUniqueOrThrow({ where: { contactId: silent.id } })).toMatchObject({ orders: 1, monetaryTotal: 25 });
    expect(await db.contactFeature.count({ where: { workspaceId } })).toBe(7);
  });
});
