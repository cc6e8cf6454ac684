// The whole path: a marketer starts a run through the API, a real worker process runs the
// tracked task, the run's scores become readable.
import { afterAll, describe, expect, it } from "vitest";
import { makeContact, makeEvent } from "../../../tests/factories/audience-contacts";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { createCaller } from "../../trpc/root";
import { spawnWorkerProcess, waitFor, type WorkerProcess } from "../../worker/test-support";

const db = testDb();
let worker: WorkerProcess | null = null;

afterAll(async () => {
  const child = worker?.child;
  if (child && child.exitCode === null && child.pid) {
    child.kill("SIGTERM");
    await worker!.exited;
  }
});

describe("scores.run", () => {
  it("runs in the worker and leaves scores the API answers", async () => {
    const workspace = await makeWorkspace(db);
    const marketer = await makeMember(db, workspace.id, "marketer");
    const contact = await makeContact(db, workspace.id);
    await makeEvent(db, contact, { name: "Order Completed", revenue: 30, occurredAt: new Date(Date.now() - 5 * 86_400_000) });
    const caller = createCaller(await contextFor(db, marketer.user.id, workspace.id));

    const { jobRunId } = await caller.scores.run();
    await expect(caller.scores.run()).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await caller.scores.runs())[0]).toMatchObject({ status: "queued", trigger: "manual" });

    worker = spawnWorkerProcess({ DATABASE_URL: process.env.DATABASE_URL!, WORKER_CONCURRENCY: "2" });
    await worker.started;
    const job = await waitFor(
      "the scoring job to finish",
      async () => {
        const run = await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } });
        return run.status === "succeeded" || run.status === "failed" ? run : undefined;
      },
      90_000,
      250,
    );
    expect(job).toMatchObject({ status: "succeeded", progressDone: 4, progressTotal: 4, task: "scores.run" });

    const latest = (await caller.scores.latest())!;
    expect(latest.run).toMatchObject({ status: "succeeded", contacts: 1 });
    expect(Object.keys(latest.run.stages)).toEqual(["features", "fit", "apply", "swap"]);
    expect((await caller.scores.runs())[0]).toMatchObject({ id: latest.run.id, status: "succeeded", error: null });
    const scores = await caller.scores.contact({ contactId: contact.id.toString() });
    expect(scores).toMatchObject({ runId: latest.run.id, rfm: { r: 1, f: 1, m: 1 }, features: { frequency: 1, monetaryTotal: 30 } });
  }, 120_000);
});
