import { runMigrations } from "graphile-worker";
import type { z } from "zod";
import type { Db } from "../db/client";
import type { JobRun, Prisma } from "../db/generated/client";
import { UserFacingError } from "../errors";
import { quietLogger } from "./logger";
import { isTaskName, TASKS, type TaskName } from "./registry";
import type { QueuedJobPayload } from "./tracked";

/** Attempts per job in all: the first and two retries, spaced by graphile-worker's exponential backoff. */
export const MAX_ATTEMPTS = 3;

/**
 * Installs or upgrades graphile-worker's schema (`graphile_worker`), so the web app can enqueue
 * before any worker has run. Safe to call from several processes at once: graphile-worker
 * detects a migration applied concurrently by another process and carries on.
 */
export async function installQueueSchema(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

export type TaskPayloadInput<T extends TaskName> = z.input<(typeof TASKS)[T]["payloadSchema"]>;

export type EnqueueJobInput<T extends TaskName> = {
  workspaceId: string;
  task: T;
  payload: TaskPayloadInput<T>;
  createdById: string | null;
};

/** A BAD_REQUEST for the caller, naming the task and every field at fault. */
export class InvalidJobPayloadError extends UserFacingError {
  constructor(
    readonly task: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const details = issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ");
    super("BAD_REQUEST", `Invalid payload for task "${task}": ${details}`, issues[0]?.path.join("."));
    this.name = "InvalidJobPayloadError";
  }
}

/**
 * Records a job run and queues it for the worker, atomically: a worker never sees a job without
 * its row, and a failed insert leaves no orphan job. The payload is validated (and defaulted)
 * by the task's schema first.
 */
export async function enqueueJob<T extends TaskName>(db: Db, input: EnqueueJobInput<T>): Promise<JobRun> {
  if (!isTaskName(input.task)) throw new Error(`Unknown task "${String(input.task)}"`);
  const parsed = TASKS[input.task].payloadSchema.safeParse(input.payload);
  if (!parsed.success) throw new InvalidJobPayloadError(input.task, parsed.error.issues);
  const payload: Prisma.InputJsonObject = parsed.data;

  return db.$transaction(async (tx) => {
    const run = await tx.jobRun.create({
      data: { workspaceId: input.workspaceId, task: input.task, payload, createdById: input.createdById },
    });
    const jobPayload: QueuedJobPayload = { jobRunId: run.id };
    // job_key = the run's id: enqueueing the same run twice replaces the queued job, never doubles it.
    await tx.$executeRaw`
      select graphile_worker.add_job(
        ${input.task}::text,
        ${JSON.stringify(jobPayload)}::json,
        max_attempts => ${MAX_ATTEMPTS}::int,
        job_key => ${run.id}::text
      )`;
    return run;
  });
}
