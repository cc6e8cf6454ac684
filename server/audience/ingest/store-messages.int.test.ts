import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { LAST_SEEN_RESOLUTION_MS } from "./limits";
import { normalizeMessage, type IngestMessage } from "./normalize-message";
import { storeMessages } from "./store-messages";

const db = testDb();
let workspaceId: string;
const receivedAt = new Date("2026-03-01T12:00:00.000Z");
let sequence = 0;

/** A valid message, as the API would have parsed it. */
function msg(raw: Record<string, unknown>): IngestMessage {
  const result = normalizeMessage({ type: "track", event: "Clicked", messageId: `msg-${++sequence}`, ...raw }, receivedAt);
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}

const store = (messages: IngestMessage[]) => storeMessages(db, workspaceId, messages, receivedAt);
const contacts = () => db.contact.findMany({ where: { workspaceId }, orderBy: { id: "asc" }, include: { aliases: true, events: { orderBy: { id: "asc" } } } });

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});

afterAll(() => db.$disconnect());

describe("storeMessages", () => {
  it("creates a contact per userId with its events, and finds it again by userId or email", async () => {
    await store([msg({ type: "identify", userId: "u1", traits: { email: "Ada@Example.com", firstName: "Ada", plan: "pro" } }), msg({ userId: "u1" })]);
    await store([msg({ event: "Order Completed", properties: { email: "ada@example.com", revenue: 30 }, anonymousId: "somewhere" })]);
    const [ada, ...others] = await contacts();
    expect(others).toEqual([]);
    expect(ada).toMatchObject({ externalId: "u1", email: "ada@example.com", firstName: "Ada", attributes: { plan: "pro" } });
    expect(ada!.events.map((e) => [e.type, e.name, e.revenue, e.source])).toEqual([
      ["identify", "Identify", null, "api"],
      ["track", "Clicked", null, "api"],
      ["track", "Order Completed", 30, "api"],
    ]);
    expect(ada!.aliases.map((a) => a.anonymousId)).toEqual(["somewhere"]);
  });

  it("merges an anonymous visitor into the known contact when they identify, in the same or a later batch", async () => {
    await store([msg({ type: "identify", userId: "known", traits: { lastName: "Known" } })]);
    await store([msg({ type: "page", anonymousId: "anon-1", timestamp: "2026-02-01T00:00:00Z" }), msg({ type: "identify", anonymousId: "anon-1", traits: { firstName: "Visitor", city: "Lyon" } })]);
    expect(await db.contact.count({ where: { workspaceId } })).toBe(2);

    await store([msg({ type: "identify", userId: "known", anonymousId: "anon-1" })]);
    const [known, ...others] = await contacts();
    expect(others).toEqual([]);
    expect(known).toMatchObject({ externalId: "known", lastName: "Known", firstName: "Visitor", city: "Lyon", firstSeenAt: new Date("2026-02-01T00:00:00Z") });
    expect(known!.events.map((e) => e.type)).toEqual(["identify", "page", "identify", "identify"]);
    expect(known!.aliases.map((a) => a.anonymousId)).toEqual(["anon-1"]);
  });

  it("gives each anonymous visitor of a batch their own contact, holding their own events", async () => {
    await store(["v1", "v2", "v3", "v2"].map((visitor) => msg({ anonymousId: visitor, properties: { by: visitor } })));
    const stored = await contacts();
    expect(stored).toHaveLength(3);
    for (const contact of stored) {
      const [alias] = contact.aliases.map((a) => a.anonymousId);
      expect(contact.events.map((e) => (e.properties as { by: string }).by)).toEqual(alias === "v2" ? ["v2", "v2"] : [alias]);
    }
  });

  it("identifies an anonymous contact in place when its userId is new", async () => {
    await store([msg({ anonymousId: "anon-2" })]);
    const [before] = await contacts();
    await store([msg({ type: "identify", userId: "u-new", anonymousId: "anon-2", traits: { email: "new@x.io" } }), msg({ anonymousId: "anon-2" })]);
    const [after, ...others] = await contacts();
    expect(others).toEqual([]);
    expect(after).toMatchObject({ id: before!.id, externalId: "u-new", email: "new@x.io" });
    expect(after!.events).toHaveLength(3);
  });

  it("does not store a message id twice, in one batch or across requests", async () => {
    const first = msg({ userId: "u1", messageId: "same" });
    expect(await store([first, first])).toEqual({ stored: 1, duplicates: 1, failed: [] });
    expect(await store([first, msg({ userId: "u1" })])).toEqual({ stored: 1, duplicates: 1, failed: [] });
    expect(await db.event.count({ where: { workspaceId } })).toBe(2);
  });

  it("stores an event timestamped far in the future at its received time, flagged", async () => {
    await store([msg({ userId: "u1", messageId: "future", timestamp: "2099-01-01T00:00:00Z" })]);
    const event = await db.event.findFirstOrThrow({ where: { workspaceId, messageId: "future" } });
    expect(event).toMatchObject({ occurredAt: receivedAt, receivedAt, timestampAdjusted: true });
  });

  it("fails only the message Postgres cannot store, and stores the rest of the batch", async () => {
    const result = await store([msg({ userId: "u1", messageId: "fine" }), msg({ userId: "u1", messageId: "nul", properties: { text: "a\u0000b" } })]);
    expect(result.stored).toBe(1);
    expect(result.failed).toEqual([{ position: 1, reason: expect.stringContaining("\\u0000") }]);
    expect((await db.event.findMany({ where: { workspaceId } })).map((e) => e.messageId)).toEqual(["fine"]);
  });

  it("keeps one contact per person when concurrent batches meet the same new people", async () => {
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 40 }, (_, i) => msg({ userId: `p${i % 25}`, anonymousId: `anon-p${i % 25}-${b % 2}`, properties: { email: `p${i % 25}@x.io` } })),
    );
    const results = await Promise.all(batches.map((batch) => store(batch)));
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(240);
    const stored = await contacts();
    expect(stored.map((c) => c.externalId).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `p${i}`).sort());
    expect(stored.every((c) => c.email === `${c.externalId}@x.io`)).toBe(true);
    expect(await db.contactAlias.count({ where: { workspaceId } })).toBe(50);
  });

  it("loses no event when concurrent batches merge anonymous visitors into known people", async () => {
    const people = 20;
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 30 }, (_, i) => {
        const person = (i + b * 7) % people;
        return b % 2 === 0 ? msg({ anonymousId: `visitor-${person}` }) : msg({ type: "identify", userId: `person-${person}`, anonymousId: `visitor-${person}` });
      }),
    );
    await Promise.all(batches.map((batch) => store(batch)));
    await store(Array.from({ length: people }, (_, person) => msg({ type: "identify", userId: `person-${person}`, anonymousId: `visitor-${person}` })));
    expect(await db.event.count({ where: { workspaceId } })).toBe(8 * 30 + people);
    const stored = await contacts();
    expect(stored.map((c) => c.externalId).sort()).toEqual(Array.from({ length: people }, (_, i) => `person-${i}`).sort());
    expect(stored.every((c) => c.aliases.map((a) => a.anonymousId).join() === c.externalId!.replace("person", "visitor"))).toBe(true);
  });

  it("moves last_seen_at once it lags by the resolution, and applies changed traits at once", async () => {
    const at = (seconds: number) => new Date(Date.parse("2026-03-01T11:00:00Z") + seconds * 1000).toISOString();
    await store([msg({ userId: "u1", timestamp: at(0) })]);
    await store([msg({ userId: "u1", timestamp: at(10) })]);
    expect((await contacts())[0]!.lastSeenAt).toEqual(new Date(at(0)));
    await store([msg({ type: "identify", userId: "u1", timestamp: at(20), traits: { plan: "pro" } })]);
    expect((await contacts())[0]).toMatchObject({ lastSeenAt: new Date(at(20)), attributes: { plan: "pro" } });
    await store([msg({ userId: "u1", timestamp: at(20 + LAST_SEEN_RESOLUTION_MS / 1000 + 1) })]);
    expect((await contacts())[0]!.lastSeenAt).toEqual(new Date(at(20 + LAST_SEEN_RESOLUTION_MS / 1000 + 1)));
  });

  it("keeps workspaces apart: the same userId is a different contact elsewhere", async () => {
    await store([msg({ userId: "shared" })]);
    const other = (await makeWorkspace(db)).id;
    await storeMessages(db, other, [msg({ userId: "shared" })], receivedAt);
    expect(await db.contact.count({ where: { externalId: "shared", workspaceId: { in: [workspaceId, other] } } })).toBe(2);
  });
});
