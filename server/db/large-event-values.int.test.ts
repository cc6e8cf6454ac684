import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../tests/factories";
import { Prisma } from "./generated/client";
import { insertAudienceEvents } from "../../tests/factories/segments";
import { cartLinesSql } from "../email/recipients/cart-lines-sql";
import { compileSegmentToSql } from "../segments/compile";
import type { SegmentDefinition } from "../segments/definition";

/*
 * A btree index row holds at most 2,704 bytes: an event whose indexed values were larger could
 * not be stored at all (migration 20261128110000). These events carry 6 KB of text that does not
 * compress, and must be stored, counted and read like any other.
 */

const db = testDb();
const NOW = new Date("2026-06-01T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
/** 6 KB of hexadecimal digits (a chain of SHA-256 digests) that compression cannot shrink below the limit. */
function noise(seed: number): string {
  let text = "";
  for (let digest = String(seed); text.length < 6000; text += digest) digest = createHash("sha256").update(digest).digest("hex");
  return text;
}
const LONG_CATEGORY = `Outdoor ${noise(1)}`;

let workspaceId: string;
let contactId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  contactId = (await db.contact.create({ data: { workspaceId, email: "big@example.com" } })).id.toString();
});

afterAll(async () => {
  await db.$disconnect();
});

function viewedCategory(category: string): SegmentDefinition {
  return {
    version: 1,
    root: {
      kind: "group",
      op: "and",
      children: [
        {
          kind: "event",
          did: true,
          name: "Product Viewed",
          filters: [{ property: "category", valueType: "string", op: "equals", value: category }],
          measure: { kind: "count", op: "at_least", value: 1 },
          window: { kind: "last", amount: 7, unit: "days" },
        },
      ],
    },
  };
}

describe("events with large property values", () => {
  it("are stored: a 6 KB category and a cart addition with a 6 KB description", async () => {
    await insertAudienceEvents(db, workspaceId, [
      { contactId, name: "Product Viewed", properties: { category: LONG_CATEGORY }, revenue: null, occurredAt: hoursAgo(2) },
      { contactId, name: "Product Viewed", properties: { category: "Shoes", description: noise(2) }, revenue: null, occurredAt: hoursAgo(3) },
      {
        contactId,
        name: "Product Added",
        properties: { cart_id: "c1", sku: "BIG-1", quantity: 2, description: noise(3) },
        revenue: null,
        occurredAt: hoursAgo(1),
      },
      { contactId, name: "Product Added", properties: { cart_id: "c1", sku: "SMALL-1" }, revenue: null, occurredAt: hoursAgo(1) },
    ]);
    expect(await db.event.count({ where: { workspaceId } })).toBe(4);
  });

  it("match category filters, long or short", async () => {
    for (const category of [LONG_CATEGORY, LONG_CATEGORY.toUpperCase(), "shoes"]) {
      const rows = await db.$queryRaw<{ id: bigint }[]>(compileSegmentToSql(viewedCategory(category), { workspaceId, now: NOW }));
      expect(rows.map((row) => row.id.toString())).toEqual([contactId]);
    }
  });

  it("are read into the cart with the small ones", async () => {
    const lines = await db.$queryRaw<{ sku: string; quantity: number }[]>`
      select l.sku, l.quantity from (${cartLinesSql(workspaceId, hoursAgo(24), Prisma.sql`true`)}) l order by l.sku`;
    expect(lines).toEqual([
      { sku: "BIG-1", quantity: 2 },
      { sku: "SMALL-1", quantity: 1 },
    ]);
  });
});
