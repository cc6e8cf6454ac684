import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserFacingError } from "../errors";
import { insertAudience } from "../../tests/factories/segments";
import { makeWorkspace, testDb } from "../../tests/factories";
import { compileSegmentToSql } from "./compile";
import { countAndSampleMatching, countSegment, sampleSegment, withSegmentTimeout } from "./count-segment";
import type { SegmentDefinition } from "./definition";
import { refreshStaleEventRanks } from "./event-ranks";
import { AUDIENCE, all, attr, definitionOf, NOW, OPERATOR_CASES, SQL_LOOKING_NAME, type Name } from "./testing/operator-cases";

const db = testDb();
let workspaceId: string;
let nameOf: Map<string, Name>;

async function matching(definition: SegmentDefinition, segments?: Map<string, SegmentDefinition>): Promise<Name[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>(compileSegmentToSql(definition, { workspaceId, now: NOW, segments }));
  return rows.map((row) => nameOf.get(row.id.toString())!).sort();
}

beforeAll(async () => {
  const workspace = await makeWorkspace(db);
  workspaceId = workspace.id;
  const inserted = await insertAudience(db, workspaceId, AUDIENCE);
  nameOf = new Map(inserted.contacts.map((contact, i) => [contact.id, AUDIENCE.contacts[i]!.id as Name]));
  // Another workspace's look-alike data must never leak into the results.
  await insertAudience(db, (await makeWorkspace(db)).id, AUDIENCE);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the compiled SQL, on Postgres", () => {
  it.each(OPERATOR_CASES)("$title", async ({ node, expected }) => {
    expect(await matching(definitionOf(node))).toEqual([...expected].sort());
  });

  // The cases above ran with every event's ranks stale (counted from the events); these read them from event_rank.
  describe("with the event ranks refreshed", () => {
    beforeAll(async () => {
      await refreshStaleEventRanks(db, { workspaceId, wait: true });
    });

    it.each(OPERATOR_CASES)("$title", async ({ node, expected }) => {
      expect(await matching(definitionOf(node))).toEqual([...expected].sort());
    });
  });

  it("leaves the tables alone when values look like SQL", async () => {
    await matching(definitionOf(attr({ field: "first_name", valueType: "string", op: "contains", value: SQL_LOOKING_NAME })));
    expect(await db.contact.count({ where: { workspaceId } })).toBe(AUDIENCE.contacts.length);
    expect(await db.event.count({ where: { workspaceId } })).toBe(AUDIENCE.events.length);
  });

  it("matches text equality on an event property only for JSON strings, not numbers with the same text", async () => {
    const added = (value: string) =>
      definitionOf({
        kind: "event",
        did: true,
        name: "Product Added",
        filters: [{ property: "cart_value", valueType: "string", op: "equals", value }],
        measure: { kind: "count", op: "at_least", value: 1 },
        window: { kind: "ever" },
      });
    expect(await matching(added("80"))).toEqual([]);
    expect(await matching(added("100"))).toEqual(["cid"]);
  });

  it("matches contacts in another segment, or not in it", async () => {
    const segments = new Map([["seg-us", definitionOf(attr({ field: "country", valueType: "string", op: "equals", value: "us" }))]]);
    expect(await matching(definitionOf({ kind: "segment", segmentId: "seg-us", member: true }), segments)).toEqual(["ana", "ben"]);
    expect(await matching(definitionOf({ kind: "segment", segmentId: "seg-us", member: false }), segments)).toEqual(all("ana", "ben"));
  });
});

describe("countSegment and sampleSegment", () => {
  const orderedOnce = definitionOf({
    kind: "event",
    did: true,
    name: "Order Completed",
    filters: [],
    measure: { kind: "count", op: "at_least", value: 1 },
    window: { kind: "ever" },
  });

  it("counts the matching contacts of the workspace", async () => {
    expect(await countSegment(db, orderedOnce, { workspaceId, now: NOW })).toBe(4);
  });

  it("samples the first matching contacts by id, with ids as strings", async () => {
    const sample = await sampleSegment(db, orderedOnce, { workspaceId, now: NOW, limit: 2 });
    expect(sample.map((row) => nameOf.get(row.id))).toEqual(["ana", "ben"]);
    expect(sample[0]).toMatchObject({ email: "ana@example.com", firstName: "Ana", lastName: "Lopez" });
  });

  it("answers the count and the sample together, as counting and sampling apart do", async () => {
    const together = await withSegmentTimeout(db, 5_000, (tx) => countAndSampleMatching(tx, orderedOnce, { workspaceId, now: NOW }, 2));
    expect(together).toEqual({
      count: await countSegment(db, orderedOnce, { workspaceId, now: NOW }),
      sample: await sampleSegment(db, orderedOnce, { workspaceId, now: NOW, limit: 2 }),
    });
  });

  it("answers a zero count and an empty sample when nobody matches", async () => {
    const nobody = definitionOf(attr({ field: "first_name", valueType: "string", op: "equals", value: "nobody-at-all" }));
    expect(await withSegmentTimeout(db, 5_000, (tx) => countAndSampleMatching(tx, nobody, { workspaceId, now: NOW }, 2))).toEqual({ count: 0, sample: [] });
  });
});

describe("a count over the statement timeout", () => {
  it("stops and answers with a message naming the limit, instead of hanging", async () => {
    const big = await makeWorkspace(db);
    await db.$executeRaw`insert into contact (workspace_id, email, attributes)
      select ${big.id}::uuid, 'c' || n || '@example.test', jsonb_build_object('joined', '2026-01-' || lpad((n % 28 + 1)::text, 2, '0'))
      from generate_series(1, 200000) n`;
    const joinedLately = definitionOf(attr({ field: "attributes.joined", valueType: "date", op: "after", value: "2026-01-10" }));
    const started = Date.now();
    const error = await countSegment(db, joinedLately, { workspaceId: big.id, now: NOW, timeoutMs: 20 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/took too long \(more than 0\.02 s\) and was stopped/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await db.workspace.delete({ where: { id: big.id } });
  });
});
