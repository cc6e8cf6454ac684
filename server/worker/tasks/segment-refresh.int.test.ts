import { afterAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, makeContacts, makeSavedSegment } from "../../../tests/factories/saved-segments";
import { segmentRefresh } from "./segment-refresh";

const db = testDb();
afterAll(() => db.$disconnect());

async function runTask(workspaceId: string, segmentId: string) {
  const job = await db.jobRun.create({ data: { workspaceId, task: "segment.refresh", payload: { segmentId } } });
  const reported: string[] = [];
  const result = await segmentRefresh.run({
    db,
    jobRunId: job.id,
    workspaceId,
    payload: { segmentId },
    checkpoint: 0,
    signal: new AbortController().signal,
    progress: async (_done, _total, message) => {
      if (message) reported.push(message);
    },
  });
  return { result, reported };
}

describe("the segment.refresh task", () => {
  it("refreshes the segment and reports its steps and outcome", async () => {
    const { id: workspaceId } = await makeWorkspace(db);
    await makeContacts(db, workspaceId, [{ email: "ana@example.test", country: "US" }]);
    const segment = await makeSavedSegment(db, workspaceId, { name: "Americans", definition: allOf(countryIs("US")) });
    const { result, reported } = await runTask(workspaceId, segment.id);
    expect(result).toMatchObject({ segmentId: segment.id, size: 1, entered: 1, left: 0 });
    expect(reported.at(-1)).toBe("1 member (1 entered, 0 left)");
  });

  it("finishes quietly when the segment was deleted while the job waited", async () => {
    const { id: workspaceId } = await makeWorkspace(db);
    const segment = await makeSavedSegment(db, workspaceId, { name: "Gone", definition: allOf(countryIs("US")) });
    await db.segment.delete({ where: { id: segment.id } });
    expect((await runTask(workspaceId, segment.id)).result).toEqual({ segmentId: segment.id, skipped: "deleted" });
  });
});
