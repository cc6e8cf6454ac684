// Propensity's training and held-out sets are the feature pass itself, run at past cut-offs over
// a sample of every contact: what a contact did later must not leak into its features.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { makeContact, makeEvent } from "../../../tests/factories/audience-contacts";
import { scoringClient } from "../../../tests/factories/scores";
import { computeContactFeatures } from "../features/compute-features";
import { loadPropensitySample, type PropensitySet } from "./load-propensity-sample";

const db = testDb();
const DAY = 86_400_000;
const asOf = new Date("2026-11-20T12:00:00Z");
const daysAgo = (days: number) => new Date(asOf.getTime() - days * DAY);
const order = (revenue: number, at: Date) => ({ name: "Order Completed", revenue, occurredAt: at, properties: { revenue } });
let client: pg.Client;
let workspaceId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  client = await scoringClient();
  workspaceId = (await makeWorkspace(db)).id;
  const buyer = await makeContact(db, workspaceId, { createdAt: daysAgo(200) });
  await makeEvent(db, buyer, order(20, daysAgo(80)));
  await makeEvent(db, buyer, order(50, daysAgo(40)));
  await makeEvent(db, buyer, order(30, daysAgo(5)));
  // Seen first 45 days ago (created "now" by an import): not yet a contact at the training cut-off.
  const visitor = await makeContact(db, workspaceId, { createdAt: asOf });
  await makeEvent(db, visitor, { name: "Page Viewed", type: "page", occurredAt: daysAgo(45), properties: { session_id: "s0" } });
  await makeEvent(db, visitor, { name: "Product Viewed", occurredAt: daysAgo(44), properties: { category: "bags" } });
  await makeEvent(db, visitor, { name: "Email Opened", occurredAt: daysAgo(35) });
  await makeEvent(db, visitor, order(60, daysAgo(2)));
  const dormant = await makeContact(db, workspaceId, { createdAt: daysAgo(300) });
  const newcomer = await makeContact(db, workspaceId, { createdAt: daysAgo(3) });
  Object.assign(ids, { buyer: buyer.id.toString(), visitor: visitor.id.toString(), dormant: dormant.id.toString(), newcomer: newcomer.id.toString() });
  await computeContactFeatures(client, workspaceId, asOf, null);
});
afterAll(async () => {
  await client.end();
});

const entry = (set: PropensitySet, id: string) => {
  const index = set.contacts.findIndex((contact) => contact.contactId === id);
  return index < 0 ? null : { features: set.contacts[index]!, label: set.labels[index] };
};

describe("the propensity sample", () => {
  it("takes every contact seen by each cut-off, buyers or not, with features as of that cut-off", async () => {
    const { train, test } = await loadPropensitySample(client, workspaceId, asOf, { size: 100, seed: 1, horizonDays: 30 });
    expect(train.featureDay).toBeCloseTo(asOf.getTime() / DAY - 60, 9);
    expect(train.contacts.map((c) => c.contactId).sort()).toEqual([ids.buyer, ids.dormant].sort());
    expect(test.contacts.map((c) => c.contactId).sort()).toEqual([ids.buyer, ids.dormant, ids.visitor].sort());

    // Bought 80 days ago, then 40 days ago (inside the training horizon), then 5 days ago.
    expect(entry(train, ids.buyer!)).toMatchObject({ label: 1, features: { orders: 1, purchases90d: 1, monetaryTotal: 20 } });
    expect(entry(test, ids.buyer!)).toMatchObject({ label: 1, features: { orders: 2, purchaseDays: 2, repeatMonetaryTotal: 50, purchases30d: 1 } });
    expect(entry(test, ids.visitor!)).toMatchObject({
      label: 1,
      features: { orders: 0, sessions90d: 1, sessions30d: 1, sessions7d: 0, views90d: 1, opens7d: 1, opens30d: 1, lastActivityDay: daysAgo(35).getTime() / DAY },
    });
    expect(entry(test, ids.dormant!)).toMatchObject({ label: 0, features: { orders: 0, lastActivityDay: null } });
  });

  it("draws the same sample for the same seed and a smaller one on request", async () => {
    const first = await loadPropensitySample(client, workspaceId, asOf, { size: 2, seed: 7, horizonDays: 30 });
    const again = await loadPropensitySample(client, workspaceId, asOf, { size: 2, seed: 7, horizonDays: 30 });
    expect(first.test.contacts.map((c) => c.contactId)).toEqual(again.test.contacts.map((c) => c.contactId));
    expect(first.test.contacts.length).toBeLessThanOrEqual(2);
  });
});
