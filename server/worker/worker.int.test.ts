import type { ChildProcess } from "node:child_process";
import type { Runner, TaskList } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDb, type Db } from "../db/client";
import type { JobRun } from "../db/generated/client";
import { enqueueJob, InvalidJobPayloadError } from "./queue";
import { createTaskList } from "./registry";
import { startWorkerRunner } from "./runner";
import { defineTrackedTask } from "./task";
import { createTestUser, createTestWorkspace, spawnWorkerProcess, waitFor, type WorkerProcess } from "./test-support";
import { trackedTask } from "./tracked";

const databaseUrl = process.env.DATABASE_URL ?? "";
let db: Db;
const runners: Runner[] = [];
const children: ChildProcess[] = [];

beforeAll(() => {
  db = createDb(databaseUrl);
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  for (const child of children.splice(0)) {
    // Kill the whole process group: tsx runs the worker in a child of its own.
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  }
});

afterAll(async () => {
  await db.$disconnect();
});

async function startRunner(taskList: TaskList = createTaskList(db), shutdownAbortAfterMs?: number): Promise<Runner> {
  const runner = await startWorkerRunner({
    databaseUrl,
    concurrency: 2,
    taskList,
    pollIntervalMs: 100,
    shutdownAbortAfterMs,
  });
  runners.push(runner);
  return runner;
}

function waitForStatus(id: string, status: JobRun["status"], timeoutMs?: number): Promise<JobRun> {
  return waitFor(
    `job_run ${id} to be ${status}`,
    async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id } });
      return run.status === status ? run : undefined;
    },
    timeoutMs,
  );
}

/** Queues a job for a task outside the production registry, the way enqueueJob does. */
async function enqueueTestTask(workspaceId: string, task: string, maxAttempts: number): Promise<JobRun> {
  const run = await db.jobRun.create({ data: { workspaceId, task, payload: {} } });
  await db.$executeRaw`
    select graphile_worker.add_job(${task}::text, json_build_object('jobRunId', ${run.id}::text),
      max_attempts => ${maxAttempts}::int, job_key => ${run.id}::text)`;
  return run;
}

function startWorkerProcess(): WorkerProcess {
  const worker = spawnWorkerProcess({ DATABASE_URL: databaseUrl, WORKER_CONCURRENCY: "4" });
  children.push(worker.child);
  return worker;
}

describe("background worker", () => {
  it("runs a demo job started through enqueueJob to completion, with its progress and result", async () => {
    const workspace = await createTestWorkspace(db);
    const user = await createTestUser(db);
    const queued = await enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: { steps: 5, stepMs: 10 },
      createdById: user.id,
    });
    expect(queued.status).toBe("queued");

    await startRunner();
    const done = await waitForStatus(queued.id, "succeeded");

    expect(done.progressDone).toBe(5);
    expect(done.progressTotal).toBe(5);
    expect(done.message).toBe("Counted 5 of 5");
    expect(done.result).toEqual({ counted: 5, total: 5, workerPid: process.pid });
    expect(done.attempts).toBe(1);
    expect(done.error).toBeNull();
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
  });

  it("shows progress while the job is still running", async () => {
    const workspace = await createTestWorkspace(db);
    const queued = await enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: { steps: 8, stepMs: 300 },
      createdById: null,
    });
    await startRunner();

    const midway = await waitFor("progress part-way through", async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: queued.id } });
      return run.status === "running" && run.progressDone > 0 && run.progressDone < 8 ? run : undefined;
    });
    expect(midway.progressTotal).toBe(8);
    await waitForStatus(queued.id, "succeeded");
  });

  it("queues the job for graphile-worker under the run's id, with the defaulted payload stored", async () => {
    const workspace = await createTestWorkspace(db);
    const queued = await enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: {},
      createdById: null,
    });
    expect(queued.payload).toEqual({ steps: 20, stepMs: 250 });
    // The public `jobs` view hides payloads, so this peeks at graphile-worker's own table.
    const jobs = await db.$queryRaw<{ task_identifier: string; payload: unknown; max_attempts: number }[]>`
      select tasks.identifier as task_identifier, jobs.payload, jobs.max_attempts
      from graphile_worker._private_jobs jobs
      join graphile_worker._private_tasks tasks on tasks.id = jobs.task_id
      where jobs.key = ${queued.id}`;
    expect(jobs).toEqual([{ task_identifier: "demo.count", payload: { jobRunId: queued.id }, max_attempts: 3 }]);
  });

  it("runs each job exactly once across two worker processes, which then exit cleanly on SIGTERM", async () => {
    const workspace = await createTestWorkspace(db);
    const workers = [startWorkerProcess(), startWorkerProcess()];
    await Promise.all(workers.map((worker) => worker.started));

    const jobCount = 30;
    const queued: JobRun[] = [];
    for (let i = 0; i < jobCount; i++) {
      queued.push(
        await enqueueJob(db, {
          workspaceId: workspace.id,
          task: "demo.count",
          payload: { steps: 2, stepMs: 20 },
          createdById: null,
        }),
      );
    }

    const finished = await waitFor("all 30 jobs to succeed", async () => {
      const runs = await db.jobRun.findMany({ where: { workspaceId: workspace.id } });
      return runs.length === jobCount && runs.every((run) => run.status === "succeeded") ? runs : undefined;
    });

    expect(finished.map((run) => run.id).sort()).toEqual(queued.map((run) => run.id).sort());
    expect(finished.every((run) => run.attempts === 1)).toBe(true);
    const results = finished.map((run) => z.object({ counted: z.number(), workerPid: z.number() }).parse(run.result));
    expect(results.reduce((sum, result) => sum + result.counted, 0)).toBe(jobCount * 2);
    // Both processes took part; neither is this test process.
    const pids = new Set(results.map((result) => result.workerPid));
    expect(pids.size).toBe(2);
    expect(pids.has(process.pid)).toBe(false);

    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
    for (const worker of workers) {
      expect(worker.output()).toContain("[worker] SIGTERM: finishing running jobs");
      expect(worker.output()).toContain("[worker] stopped");
      expect(worker.output()).not.toContain(databaseUrl);
    }
  });

  it("resumes an interrupted job from its checkpoint instead of repeating the steps already done", async () => {
    const workspace = await createTestWorkspace(db);
    const queued = await enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: { steps: 10, stepMs: 0 },
      createdById: null,
    });
    // What an attempt cut short by a worker restart leaves behind.
    await db.jobRun.update({ where: { id: queued.id }, data: { progressDone: 6, progressTotal: 10 } });

    await startRunner();
    const done = await waitForStatus(queued.id, "succeeded");

    expect(done.result).toMatchObject({ counted: 4, total: 10 });
    expect(done.progressDone).toBe(10);
  });

  it("resumes a job cut short by a worker shutdown on its next attempt", async () => {
    const workspace = await createTestWorkspace(db);
    const queued = await enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: { steps: 60, stepMs: 50 },
      createdById: null,
    });
    const firstRunner = await startRunner(createTaskList(db), 200);
    await waitFor("a few steps", async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: queued.id } });
      return run.progressDone >= 5 ? run : undefined;
    });

    await firstRunner.stop();
    runners.splice(runners.indexOf(firstRunner), 1);
    const interrupted = await db.jobRun.findUniqueOrThrow({ where: { id: queued.id } });
    expect(interrupted).toMatchObject({ status: "queued", attempts: 1 });
    expect(interrupted.error).toMatch(/Interrupted by a worker shutdown/);
    const checkpoint = interrupted.progressDone;
    expect(checkpoint).toBeGreaterThanOrEqual(5);
    expect(checkpoint).toBeLessThan(60);

    await startRunner();
    const done = await waitForStatus(queued.id, "succeeded");
    expect(done).toMatchObject({ attempts: 2, progressDone: 60, error: null });
    expect(done.result).toMatchObject({ counted: 60 - checkpoint, total: 60 });
  });

  it("rejects an invalid payload with a clear error and stores nothing", async () => {
    const workspace = await createTestWorkspace(db);
    const jobsBefore = await db.$queryRaw<{ count: bigint }[]>`select count(*) from graphile_worker.jobs`;

    const attempt = enqueueJob(db, {
      workspaceId: workspace.id,
      task: "demo.count",
      payload: { steps: 0, stepMs: 10 },
      createdById: null,
    });
    await expect(attempt).rejects.toThrow(InvalidJobPayloadError);
    await expect(attempt).rejects.toThrow(/Invalid payload for task "demo.count": steps: /);

    expect(await db.jobRun.count({ where: { workspaceId: workspace.id } })).toBe(0);
    const jobsAfter = await db.$queryRaw<{ count: bigint }[]>`select count(*) from graphile_worker.jobs`;
    expect(jobsAfter).toEqual(jobsBefore);
  });

  it("stores the error and marks the run failed when its last attempt throws", async () => {
    const workspace = await createTestWorkspace(db);
    const failing = defineTrackedTask({
      title: "Always fails",
      payloadSchema: z.object({}),
      async run() {
        throw new Error("The mail server refused the connection");
      },
    });
    const queued = await enqueueTestTask(workspace.id, "test.fail", 1);

    await startRunner({ "test.fail": trackedTask(db, failing) });
    const failed = await waitForStatus(queued.id, "failed");

    expect(failed.error).toBe("The mail server refused the connection");
    expect(failed.attempts).toBe(1);
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.result).toBeNull();
  });

  it("queues a failed attempt for retry, then clears the error when a retry succeeds", async () => {
    const workspace = await createTestWorkspace(db);
    let calls = 0;
    const flaky = defineTrackedTask({
      title: "Fails once",
      payloadSchema: z.object({}),
      async run() {
        calls += 1;
        if (calls === 1) throw new Error("Temporary failure");
        return { calls };
      },
    });
    const queued = await enqueueTestTask(workspace.id, "test.flaky", 2);

    await startRunner({ "test.flaky": trackedTask(db, flaky) });
    const retrying = await waitFor("the first attempt to fail", async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: queued.id } });
      return run.error ? run : undefined;
    });
    expect(retrying).toMatchObject({ status: "queued", error: "Temporary failure", attempts: 1, finishedAt: null });

    // graphile-worker's backoff before the second attempt is about e^1 ≈ 2.7 s.
    const done = await waitForStatus(queued.id, "succeeded");
    expect(done).toMatchObject({ attempts: 2, error: null, result: { calls: 2 } });
  });
});
