import type { Runner } from "graphile-worker";
import { afterAll, describe, expect, it } from "vitest";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, makeContacts } from "../../../tests/factories/saved-segments";
import { createCaller } from "../../trpc/root";
import { createTaskList } from "../registry";
import { startWorkerRunner } from "../runner";
import { waitFor } from "../test-support";

const db = testDb();
let runner: Runner | undefined;

afterAll(async () => {
  await runner?.stop();
  await db.$disconnect();
});

describe("saved segments in the worker", () => {
  it("refreshes a segment right after it is saved, and again on demand", async () => {
    const { id: workspaceId } = await makeWorkspace(db);
    const marketer = await makeMember(db, workspaceId, "marketer");
    const caller = createCaller(await contextFor(db, marketer.user.id, workspaceId));
    await makeContacts(db, workspaceId, [
      { email: "ana@example.test", country: "US" },
      { email: "ben@example.test", country: "US" },
    ]);
    runner = await startWorkerRunner({ databaseUrl: process.env.DATABASE_URL!, concurrency: 2, taskList: createTaskList(db), pollIntervalMs: 100 });

    const { id, jobRunId } = await caller.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    const finished = (jobId: string) =>
      waitFor(`refresh job ${jobId}`, async () => {
        const run = await db.jobRun.findUniqueOrThrow({ where: { id: jobId } });
        return run.status === "succeeded" || run.status === "failed" ? run : undefined;
      });
    expect(await finished(jobRunId)).toMatchObject({ status: "succeeded", result: { segmentId: id, size: 2, entered: 2, left: 0 } });
    expect(await caller.segments.get({ id })).toMatchObject({ memberCount: 2, refreshJobRunId: null });

    await makeContacts(db, workspaceId, [{ email: "cleo@example.test", country: "US" }]);
    const again = await caller.segments.refresh({ id });
    expect(await finished(again.jobRunId)).toMatchObject({ status: "succeeded", result: { size: 3, entered: 1, left: 0 } });
    expect((await caller.segments.refreshes({ id })).map((refresh) => [refresh.size, refresh.entered])).toEqual([
      [3, 1],
      [2, 2],
    ]);
  });
});
