import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../tests/factories";
import { generateAudience } from "./generate-audience";

const db = testDb();
const now = new Date("2026-11-20T12:00:00Z");
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});
afterAll(() => db.$disconnect());

const run = (replace = false) =>
  generateAudience({ databaseUrl: process.env.DATABASE_URL!, workspaceId, contacts: 300, events: 4_000, seed: 7, now, replace });

describe("generateAudience", () => {
  it("writes exactly the requested contacts and events, with products, consent and suppressions", async () => {
    const result = await run();
    expect(result).toMatchObject({ contacts: 300, events: 4_000, products: 500 });
    expect(await db.contact.count({ where: { workspaceId } })).toBe(300);
    expect(await db.event.count({ where: { workspaceId } })).toBe(4_000);
    expect(await db.product.count({ where: { workspaceId } })).toBe(500);
    expect(await db.contactConsent.count({ where: { workspaceId, purpose: "email_marketing", state: "granted" } })).toBeGreaterThan(150);
    expect(await db.consentRecord.count({ where: { workspaceId } })).toBeGreaterThanOrEqual(await db.contactConsent.count({ where: { workspaceId } }));
    const revenue = await db.event.aggregate({ where: { workspaceId, name: "Order Completed" }, _sum: { revenue: true } });
    expect(revenue._sum.revenue).toBeGreaterThan(0);
  });

  it("sets first and last seen from each contact's events", async () => {
    const mismatches = await db.$queryRaw<{ count: number }[]>`
      select count(*)::int as count
      from contact c
      left join (select contact_id, min(occurred_at) as first, max(occurred_at) as last from event group by contact_id) e on e.contact_id = c.id
      where c.workspace_id = ${workspaceId}::uuid
        and (c.first_seen_at is distinct from e.first or c.last_seen_at is distinct from e.last)`;
    expect(mismatches[0]!.count).toBe(0);
  });

  it("keeps the current consent equal to the latest record", async () => {
    const mismatches = await db.$queryRaw<{ count: number }[]>`
      select count(*)::int as count
      from contact_consent cc
      join lateral (
        select r.state from consent_record r where r.contact_id = cc.contact_id and r.purpose = cc.purpose
        order by r.occurred_at desc, r.id desc limit 1
      ) latest on true
      where cc.workspace_id = ${workspaceId}::uuid and latest.state <> cc.state`;
    expect(mismatches[0]!.count).toBe(0);
  });

  it("indexes every generated contact for search", async () => {
    const [row] = await db.$queryRaw<{ missing: number }[]>`
      select count(*)::int as missing from contact c
      where c.workspace_id = ${workspaceId}::uuid
        and not exists (select 1 from contact_search s where s.contact_id = c.id and s.text = lower(coalesce(c.email, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')))`;
    expect(row!.missing).toBe(0);
  });

  it("refuses a workspace that has an audience unless asked to replace it", async () => {
    await expect(run()).rejects.toThrow(/--replace/);
    await run(true);
    expect(await db.contact.count({ where: { workspaceId } })).toBe(300);
    expect(await db.event.count({ where: { workspaceId } })).toBe(4_000);
  });
});
