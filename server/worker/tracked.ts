import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import type { Db } from "../db/client";
import type { TrackedTaskDefinition } from "./task";
import { throttleWrites } from "./throttle";

/** What graphile-worker's job carries: everything else lives on the `job_run` row. */
export const queuedJobPayloadSchema = z.object({ jobRunId: z.uuid() });
export type QueuedJobPayload = z.infer<typeof queuedJobPayloadSchema>;

/** At most ~4 progress writes a second per job; the last value is always written. */
const PROGRESS_MIN_INTERVAL_MS = 250;

type Progress = { done: number; total: number | null; message: string | null };

/**
 * Runs a tracked task inside graphile-worker, mirroring its life on the `job_run` row:
 * running (attempt counted), progress, then succeeded with the result, or the error with
 * status `queued` while graphile-worker will retry, `failed` after the last attempt.
 */
export function trackedTask(db: Db, definition: TrackedTaskDefinition): Task {
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const { jobRunId } = queuedJobPayloadSchema.parse(rawPayload);
    const run = await db.jobRun.findUnique({ where: { id: jobRunId } });
    if (!run) {
      // Deleted by its workspace (or by cleanup) while queued: nothing is left to do.
      helpers.logger.warn(`job_run ${jobRunId} no longer exists; skipping`);
      return;
    }
    if (run.status === "succeeded") return;

    await db.jobRun.update({
      where: { id: jobRunId },
      data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, error: null },
    });

    let current: Progress = { done: run.progressDone, total: run.progressTotal, message: run.message };
    const progressWriter = throttleWrites<Progress>(async (progress) => {
      await db.jobRun.update({
        where: { id: jobRunId },
        data: { progressDone: progress.done, progressTotal: progress.total, message: progress.message },
      });
    }, PROGRESS_MIN_INTERVAL_MS);

    try {
      const payload = definition.payloadSchema.parse(run.payload);
      const result = await definition.run({
        db,
        jobRunId,
        workspaceId: run.workspaceId,
        payload,
        checkpoint: run.progressDone,
        signal: helpers.abortSignal,
        progress(done, total, message) {
          current = {
            done,
            total: total === undefined ? current.total : total,
            message: message === undefined ? current.message : message,
          };
          return progressWriter.push(current);
        },
      });
      await progressWriter.flush();
      await db.jobRun.update({
        where: { id: jobRunId },
        data: { status: "succeeded", result, finishedAt: new Date() },
      });
    } catch (error) {
      await progressWriter.flush().catch(() => undefined);
      // graphile-worker counts the attempt before running it, so this is the current one.
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      await db.jobRun.update({
        where: { id: jobRunId },
        data: {
          status: lastAttempt ? "failed" : "queued",
          error: describeFailure(error, helpers.abortSignal.aborted, lastAttempt),
          finishedAt: lastAttempt ? new Date() : null,
        },
      });
      throw error;
    }
  };
}

function describeFailure(error: unknown, interrupted: boolean, lastAttempt: boolean): string {
  if (interrupted) {
    return lastAttempt ? "Interrupted by a worker shutdown." : "Interrupted by a worker shutdown; it will resume.";
  }
  return error instanceof Error ? error.message : String(error);
}
