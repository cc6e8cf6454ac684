import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, makeContacts, makeSavedSegment } from "../../../tests/factories/saved-segments";
import { refreshSegment } from "./refresh-segment";

const db = testDb();
let workspaceId: string;
let segmentId: string;

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  await makeContacts(db, workspaceId, [
    { email: "ana@example.test", country: "US" },
    { email: "ben@example.test", country: "US" },
    { email: "cleo@example.test", country: "FR" },
  ]);
  segmentId = (await makeSavedSegment(db, workspaceId, { name: "Americans", definition: allOf(countryIs("US")) })).id;
});

afterAll(() => db.$disconnect());

async function memberEmails(): Promise<string[]> {
  const rows = await db.segmentMembership.findMany({ where: { segmentId }, include: { contact: { select: { email: true } } } });
  return rows.map((row) => row.contact.email!).sort();
}

async function moveToCountry(email: string, country: string) {
  await db.contact.updateMany({ where: { workspaceId, email }, data: { country } });
}

describe("refreshSegment", () => {
  it("materializes the members and counts who entered and left across two refreshes", async () => {
    const first = await refreshSegment(db, { workspaceId, segmentId, now: new Date("2026-03-01T10:00:00Z") });
    expect(first).toMatchObject({ size: 2, entered: 2, left: 0 });
    expect(await memberEmails()).toEqual(["ana@example.test", "ben@example.test"]);

    await moveToCountry("ben@example.test", "DE");
    await moveToCountry("cleo@example.test", "US");
    await makeContacts(db, workspaceId, [{ email: "dan@example.test", country: "US" }]);
    const second = await refreshSegment(db, { workspaceId, segmentId, now: new Date("2026-03-01T11:00:00Z") });
    expect(second).toMatchObject({ size: 3, entered: 2, left: 1 });
    expect(await memberEmails()).toEqual(["ana@example.test", "cleo@example.test", "dan@example.test"]);

    const ana = await db.segmentMembership.findFirstOrThrow({ where: { segmentId, contact: { email: "ana@example.test" } } });
    expect(ana.enteredAt.toISOString()).toBe("2026-03-01T10:00:00.000Z");
    const segment = await db.segment.findUniqueOrThrow({ where: { id: segmentId } });
    expect(segment).toMatchObject({ memberCount: 3, lastRefreshedAt: new Date("2026-03-01T11:00:00Z") });
    const refreshes = await db.segmentRefresh.findMany({ where: { segmentId }, orderBy: { startedAt: "asc" } });
    expect(refreshes.map((r) => [r.status, r.size, r.entered, r.left])).toEqual([
      ["succeeded", 2, 2, 0],
      ["succeeded", 3, 2, 1],
    ]);
  });

  it("changes nothing when run again on unchanged data", async () => {
    await refreshSegment(db, { workspaceId, segmentId, now: new Date() });
    expect(await refreshSegment(db, { workspaceId, segmentId, now: new Date() })).toMatchObject({ size: 2, entered: 0, left: 0 });
    expect(await memberEmails()).toEqual(["ana@example.test", "ben@example.test"]);
  });

  it("keeps the previous members when a refresh fails at its last step", async () => {
    await refreshSegment(db, { workspaceId, segmentId, now: new Date() });
    await moveToCountry("ben@example.test", "DE");
    // A real failure inside the transaction, after the membership was already rewritten in it.
    const trigger = `fail_refresh_${segmentId.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`create function ${trigger}() returns trigger language plpgsql as $$
      begin if new.segment_id = '${segmentId}' and new.status = 'succeeded' then raise exception 'disk full (simulated)'; end if; return new; end $$`);
    await db.$executeRawUnsafe(`create trigger ${trigger} before insert on segment_refresh for each row execute function ${trigger}()`);
    try {
      await expect(refreshSegment(db, { workspaceId, segmentId, now: new Date() })).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`drop trigger ${trigger} on segment_refresh`);
      await db.$executeRawUnsafe(`drop function ${trigger}()`);
    }
    expect(await memberEmails()).toEqual(["ana@example.test", "ben@example.test"]);
    expect((await db.segment.findUniqueOrThrow({ where: { id: segmentId } })).memberCount).toBe(2);
    const failed = await db.segmentRefresh.findFirstOrThrow({ where: { segmentId, status: "failed" } });
    expect(failed.error).toMatch(/disk full/);
  });

  it("keeps the previous members when the refresh's connection is killed mid-way", async () => {
    await refreshSegment(db, { workspaceId, segmentId, now: new Date() });
    await moveToCountry("ana@example.test", "DE");
    await moveToCountry("ben@example.test", "DE");
    const trigger = `stall_refresh_${segmentId.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`create function ${trigger}() returns trigger language plpgsql as $$
      begin if new.segment_id = '${segmentId}' and new.status = 'succeeded' then perform pg_sleep(30); end if; return new; end $$`);
    await db.$executeRawUnsafe(`create trigger ${trigger} before insert on segment_refresh for each row execute function ${trigger}()`);
    try {
      const running = refreshSegment(db, { workspaceId, segmentId, now: new Date() });
      const outcome = running.then(() => "committed", (error: unknown) => String(error));
      let killed = 0;
      for (let i = 0; i < 200 && !killed; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const [row] = await db.$queryRaw<{ killed: bigint }[]>`
          select count(*) filter (where pg_terminate_backend(pid)) as killed from pg_stat_activity
          where wait_event = 'PgSleep' and query ilike '%segment_refresh%' and pid <> pg_backend_pid()`;
        killed = Number(row?.killed ?? 0);
      }
      expect(killed).toBe(1);
      expect(await outcome).not.toBe("committed");
    } finally {
      await db.$executeRawUnsafe(`drop trigger ${trigger} on segment_refresh`);
      await db.$executeRawUnsafe(`drop function ${trigger}()`);
    }
    expect(await memberEmails()).toEqual(["ana@example.test", "ben@example.test"]);
    expect(await refreshSegment(db, { workspaceId, segmentId, now: new Date() })).toMatchObject({ size: 0, entered: 0, left: 2 });
  });

  it("returns the committed refresh when the same job runs it again", async () => {
    const job = await db.jobRun.create({ data: { workspaceId, task: "segment.refresh", payload: { segmentId } } });
    const first = await refreshSegment(db, { workspaceId, segmentId, now: new Date(), jobRunId: job.id });
    await moveToCountry("ana@example.test", "DE");
    expect(await refreshSegment(db, { workspaceId, segmentId, now: new Date(), jobRunId: job.id })).toEqual(first);
    expect(await db.segmentRefresh.count({ where: { segmentId } })).toBe(1);
  });

  it("does not see another workspace's segment", async () => {
    const other = await makeWorkspace(db);
    await expect(refreshSegment(db, { workspaceId: other.id, segmentId, now: new Date() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
