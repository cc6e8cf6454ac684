import v8 from "node:v8";
import { createDb } from "../db/client";
import { getEnv } from "../env";
import { installQueueSchema } from "./queue";
import { RECOVERY_INTERVAL_MS, startWorkerLiveness } from "./recovery";
import { createTaskList } from "./registry";
import { startWorkerRunner } from "./runner";
import { CRON_ITEMS } from "./schedule";

// The worker process (`npm run worker`). Several may run against one database: graphile-worker
// locks each job for exactly one of them.

// V8 lets the old generation grow to about four times what survived the last full collection
// before it collects again. A 1M-row import keeps ~60MB live, yet the worker peaked at 480-515MB
// resident (bench:import); growing at most twice gave 339-422MB, for more frequent full
// collections whose cost was within the runs' noise. V8 reads it at each collection.
v8.setFlagsFromString("--heap-growing-percent=100");

const env = getEnv();
await installQueueSchema(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
const taskList = createTaskList(db);
const liveness = await startWorkerLiveness(env.DATABASE_URL, (error) => {
  console.error("[worker] lost the liveness connection; exiting so that other workers resume its jobs:", error.message);
  process.exit(1);
});

const runner = await startWorkerRunner({
  events: liveness.events,
  databaseUrl: env.DATABASE_URL,
  concurrency: env.WORKER_CONCURRENCY,
  taskList,
  cronItems: CRON_ITEMS,
});

async function recoverJobsOfDeadWorkers() {
  const dead = await liveness.recoverJobsOfDeadWorkers();
  if (dead.length > 0) console.log(`[worker] unlocked the jobs of ${dead.length} stopped worker(s): ${dead.join(", ")}`);
}
await recoverJobsOfDeadWorkers();
const recovery = setInterval(() => {
  recoverJobsOfDeadWorkers().catch((error: unknown) => console.error("[worker] recovering jobs of stopped workers failed:", error));
}, RECOVERY_INTERVAL_MS);

console.log(
  `[worker] started: pid ${process.pid}, concurrency ${env.WORKER_CONCURRENCY}, tasks ${Object.keys(taskList).join(", ")}`,
);

// Our own signal handlers: graphile-worker's re-raise the signal once done, so the process would
// end by that signal instead of exiting with code 0.
let stopping = false;
function shutDown(signal: NodeJS.Signals) {
  if (stopping) {
    // A second signal: stop waiting, fail the running jobs so another worker retries them.
    console.log(`[worker] ${signal} again: stopping now`);
    process.exitCode = 1;
    runner.kill(`second ${signal}`).catch((error: unknown) => console.error("[worker] forced stop failed:", error));
    return;
  }
  stopping = true;
  // In-flight jobs finish, or are aborted after a few seconds and resume from their checkpoint.
  console.log(`[worker] ${signal}: finishing running jobs`);
  // Rejects only when the runner already stopped by itself; runner.promise reports that case.
  runner.stop(signal).catch(() => undefined);
}
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);

try {
  await runner.promise;
} catch (error) {
  console.error("[worker] stopped after an error:", error);
  process.exitCode = 1;
} finally {
  clearInterval(recovery);
  await liveness.stop();
  await db.$disconnect();
}
console.log("[worker] stopped");
// graphile-worker sets its own exit code (57) when a newer schema makes running on unsafe.
process.exit();
