import { afterAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, makeSavedSegment } from "../../../tests/factories/saved-segments";
import { queueDueSegmentRefreshes } from "./segment-refresh-due";

const db = testDb();
afterAll(() => db.$disconnect());

const pendingFor = (segmentId: string) =>
  db.jobRun.count({ where: { task: "segment.refresh", status: { in: ["queued", "running"] }, payload: { path: ["segmentId"], equals: segmentId } } });

describe("scheduled segment refreshes", () => {
  it("queues segments never refreshed or refreshed longer ago than their interval, once", async () => {
    const { id: workspaceId } = await makeWorkspace(db);
    const now = new Date("2030-01-01T12:00:00Z");
    const never = await makeSavedSegment(db, workspaceId, { name: "Never", definition: allOf(countryIs("US")) });
    const stale = await makeSavedSegment(db, workspaceId, { name: "Stale", definition: allOf(countryIs("US")) });
    const fresh = await makeSavedSegment(db, workspaceId, { name: "Fresh", definition: allOf(countryIs("US")) });
    await db.segment.update({ where: { id: stale.id }, data: { lastRefreshedAt: new Date("2030-01-01T10:59:00Z") } });
    await db.segment.update({ where: { id: fresh.id }, data: { lastRefreshedAt: new Date("2030-01-01T11:30:00Z") } });

    await queueDueSegmentRefreshes(db, now, workspaceId);
    await queueDueSegmentRefreshes(db, now, workspaceId);
    expect(await pendingFor(never.id)).toBe(1);
    expect(await pendingFor(stale.id)).toBe(1);
    expect(await pendingFor(fresh.id)).toBe(0);
  });
});
