import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../tests/factories";
import { insertAudienceEvents } from "../../tests/factories/segments";
import { compileSegmentToSql } from "./compile";
import type { EventCondition, SegmentDefinition } from "./definition";
import { createCronTaskList } from "../worker/schedule";
import { EVENT_RANK_REFRESH_TASK, rebuildEventRanks, refreshStaleEventRanks } from "./event-ranks";

const db = testDb();
const NOW = new Date("2026-06-01T12:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const DAY = 24 * 60;

let workspaceId: string;
let ana: string;
let bo: string;

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const contactId = async (name: string) => (await db.contact.create({ data: { workspaceId, email: `${name}@example.com` } })).id.toString();
  ana = await contactId("ana");
  bo = await contactId("bo");
});

const viewed = (contactId: string, minutes: number[]) =>
  minutes.map((m) => ({ contactId, name: "Product Viewed", properties: {}, revenue: null, occurredAt: minutesAgo(m) }));

let messages = 0;
async function addEvents(events: ReturnType<typeof viewed>) {
  await insertAudienceEvents(db, workspaceId, events, (messages += 100));
}

function viewedAtLeast(times: number, days: number): SegmentDefinition {
  const condition: EventCondition = {
    kind: "event",
    did: true,
    name: "Product Viewed",
    filters: [],
    measure: { kind: "count", op: "at_least", value: times },
    window: { kind: "last", amount: days, unit: "days" },
  };
  return { version: 1, root: { kind: "group", op: "and", children: [condition] } };
}

async function members(definition: SegmentDefinition): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>(compileSegmentToSql(definition, { workspaceId, now: NOW }));
  return rows.map((row) => row.id.toString()).sort();
}

const ranks = (contactId: string) =>
  db.eventRank.findMany({ where: { contactId: BigInt(contactId), name: "Product Viewed" }, orderBy: { rank: "asc" }, select: { rank: true, occurredAt: true } });
const staleRows = () => db.eventRankStale.count({ where: { workspaceId } });

describe("event ranks", () => {
  it("marks written pairs stale, and the refresher ranks each contact's events newest first", async () => {
    await addEvents(viewed(ana, [10, 3 * DAY, 40 * DAY]));
    expect(await staleRows()).toBe(1);
    expect(await ranks(ana)).toEqual([]);
    expect(await refreshStaleEventRanks(db, { workspaceId, wait: true })).toBe(1);
    expect(await staleRows()).toBe(0);
    expect(await ranks(ana)).toEqual([
      { rank: 1, occurredAt: minutesAgo(10) },
      { rank: 2, occurredAt: minutesAgo(3 * DAY) },
      { rank: 3, occurredAt: minutesAgo(40 * DAY) },
    ]);
  });

  it("counts exactly whether the ranks are stale or fresh", async () => {
    await addEvents([...viewed(ana, [10, 3 * DAY]), ...viewed(bo, [10, 40 * DAY])]);
    expect(await members(viewedAtLeast(2, 30))).toEqual([ana]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    expect(await members(viewedAtLeast(2, 30))).toEqual([ana]);
    // Bo's second view in the window arrives: his ranks are out of date but marked.
    await addEvents(viewed(bo, [5]));
    expect(await members(viewedAtLeast(2, 30))).toEqual([ana, bo].sort());
  });

  it("counts a contact with an event after now from its events: its ranks are shifted", async () => {
    // Ana: one view in the window and one an hour in the future, which takes rank 1.
    await addEvents(viewed(ana, [-60, 3 * DAY]));
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    expect(await ranks(ana)).toHaveLength(2);
    expect(await members(viewedAtLeast(2, 30))).toEqual([]);
    expect(await members(viewedAtLeast(1, 30))).toEqual([ana]);
  });

  it("re-ranks both contacts when events move from one to the other (a merge) and when they are deleted", async () => {
    await addEvents([...viewed(ana, [10, 20]), ...viewed(bo, [30])]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    await db.event.updateMany({ where: { contactId: BigInt(bo) }, data: { contactId: BigInt(ana) } });
    expect(await staleRows()).toBe(2);
    expect(await members(viewedAtLeast(3, 30))).toEqual([ana]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    expect(await ranks(ana)).toHaveLength(3);
    expect(await ranks(bo)).toEqual([]);
    await db.event.deleteMany({ where: { contactId: BigInt(ana), occurredAt: minutesAgo(30) } });
    expect(await members(viewedAtLeast(3, 30))).toEqual([]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    expect(await ranks(ana)).toHaveLength(2);
  });

  it("keeps the mark of a transaction that commits after the refresher's snapshot", async () => {
    await addEvents(viewed(ana, [10]));
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("begin");
      await writer.query(
        `insert into event (workspace_id, contact_id, type, name, occurred_at, message_id, source)
         values ($1, $2, 'track', 'Product Viewed', $3, 'late-1', 'api')`,
        [workspaceId, ana, minutesAgo(5)],
      );
      // The refresher runs while the insert is uncommitted: it cannot see the mark, so it leaves it.
      await refreshStaleEventRanks(db, { workspaceId, wait: true });
      await writer.query("commit");
    } finally {
      await writer.end();
    }
    expect(await staleRows()).toBe(1);
    expect(await members(viewedAtLeast(2, 30))).toEqual([ana]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    expect(await ranks(ana)).toHaveLength(2);
    expect(await members(viewedAtLeast(2, 30))).toEqual([ana]);
  });

  it("rebuilds a workspace's ranks from its events as the refresher would (the seed's path)", async () => {
    await addEvents([...viewed(ana, Array.from({ length: 14 }, (_, i) => i * 60)), ...viewed(bo, [10])]);
    await refreshStaleEventRanks(db, { workspaceId, wait: true });
    const refreshed = [await ranks(ana), await ranks(bo)];
    expect(refreshed[0]).toHaveLength(11);
    await db.eventRank.deleteMany({ where: { workspaceId } });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await rebuildEventRanks(client, workspaceId);
    } finally {
      await client.end();
    }
    expect([await ranks(ana), await ranks(bo)]).toEqual(refreshed);
    expect(await members(viewedAtLeast(11, 1))).toEqual([ana]);
    expect(await members(viewedAtLeast(12, 1))).toEqual([ana]);
    expect(await members(viewedAtLeast(15, 1))).toEqual([]);
  });

  it("is refreshed by the worker's minutely task", async () => {
    await addEvents(viewed(ana, [10, 20]));
    const task = createCronTaskList(db)[EVENT_RANK_REFRESH_TASK]!;
    const logged: string[] = [];
    const logger = { info: (message: string) => logged.push(message) };
    // The task refreshes every workspace's stale pairs; others' tests may hold the lock for a moment.
    for (let attempt = 0; attempt < 20 && (await staleRows()) > 0; attempt++) {
      await task({}, { abortSignal: undefined, logger } as unknown as Parameters<typeof task>[1]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await staleRows()).toBe(0);
    expect(await ranks(ana)).toHaveLength(2);
  });
});
