import { type ParsedCronItem, type Runner, run, type TaskList, type WorkerEvents } from "graphile-worker";
import { quietLogger } from "./logger";

export type WorkerRunnerOptions = {
  databaseUrl: string;
  concurrency: number;
  taskList: TaskList;
  cronItems?: ParsedCronItem[];
  /** How often to look for jobs that are due (retries, scheduled); new jobs arrive by LISTEN/NOTIFY. */
  pollIntervalMs?: number;
  /** How long a shutdown waits for running jobs before telling them to stop. */
  shutdownAbortAfterMs?: number;
  /** Receives graphile-worker's events (the worker liveness locks listen to pool creation). */
  events?: WorkerEvents;
};

/** Starts graphile-worker with Tailor's settings; the caller owns signals and shutdown. */
export function startWorkerRunner(options: WorkerRunnerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency,
    taskList: options.taskList,
    parsedCronItems: options.cronItems ?? [],
    pollInterval: options.pollIntervalMs ?? 2000,
    gracefulShutdownAbortTimeout: options.shutdownAbortAfterMs ?? 5000,
    logger: quietLogger,
    noHandleSignals: true,
    events: options.events,
    preset: {
      worker: {
        // Unbatched, graphile-worker 0.17 does not wait for its "job complete/failed" writes when
        // shutting down, so a job finishing or aborted during shutdown stays locked for 4 hours.
        // The batchers (here without delay) are flushed before the pool closes.
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
}
