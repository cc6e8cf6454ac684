import type { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";

/** Reports how far a job has got; `total` and `message` left undefined keep their last value. */
export type ReportProgress = (done: number, total?: number | null, message?: string | null) => Promise<void>;

export type TaskContext<TPayload> = {
  db: Db;
  jobRunId: string;
  workspaceId: string;
  payload: TPayload;
  /**
   * `progress_done` left by an earlier, interrupted attempt. Progress writes are throttled, so
   * this is a lower bound of the work done: a task must tolerate redoing the steps after it.
   */
  checkpoint: number;
  progress: ReportProgress;
  /** Aborted when the worker shuts down and the job should stop at its next step. */
  signal: AbortSignal;
};

/** A job started from the UI: it owns a `job_run` row that shows its status and progress. */
export type TrackedTaskDefinition<TSchema extends z.ZodType = z.ZodType> = {
  /** Human label shown in the jobs list. */
  title: string;
  payloadSchema: TSchema;
  // Method syntax keeps definitions with different payloads assignable to one registry type.
  run(context: TaskContext<z.output<TSchema>>): Promise<Prisma.InputJsonObject>;
};

export function defineTrackedTask<TSchema extends z.ZodType>(
  definition: TrackedTaskDefinition<TSchema>,
): TrackedTaskDefinition<TSchema> {
  return definition;
}
