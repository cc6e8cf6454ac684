import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";

// graphile-worker leaves the jobs of a worker that died (SIGKILL, OOM, power loss) locked for
// 4 hours. Each worker process here holds a session advisory lock per graphile-worker pool it
// runs, on a connection of its own; Postgres releases the lock when the process dies. Workers
// unlock, at start-up and then periodically, the jobs whose pool's lock nobody holds any more,
// so an interrupted import resumes within seconds instead of hours.

/** First key of the two-key advisory locks ("tlwk"); the second is hashtext(pool id). */
const LOCK_NAMESPACE = 0x746c776b;
/** A pool takes its lock as it starts, well within this; younger locks are never judged. */
const MIN_LOCK_AGE = "5 seconds";
export const RECOVERY_INTERVAL_MS = 10_000;

export type WorkerLiveness = {
  /** Pass to graphile-worker's `run` so that each pool it creates is announced as alive. */
  events: WorkerEvents;
  /** Unlocks the jobs of dead pools; returns their ids. */
  recoverJobsOfDeadWorkers(): Promise<string[]>;
  stop(): Promise<void>;
};

export async function startWorkerLiveness(databaseUrl: string, onConnectionLost: (error: Error) => void): Promise<WorkerLiveness> {
  const lockClient = new pg.Client({ connectionString: databaseUrl, application_name: "tailor-worker-liveness" });
  await lockClient.connect();
  let stopping = false;
  // Without its connection this process looks dead to the others, who would run its jobs again.
  lockClient.on("error", (error) => {
    if (!stopping) onConnectionLost(error);
  });

  const events = new EventEmitter() as WorkerEvents;
  const locking: Promise<unknown>[] = [];
  events.on("pool:create", ({ workerPool }) => {
    const taken = lockClient.query("select pg_advisory_lock($1, hashtext($2))", [LOCK_NAMESPACE, workerPool.id]);
    taken.catch((error: Error) => onConnectionLost(error));
    locking.push(taken);
  });

  async function recoverJobsOfDeadWorkers(): Promise<string[]> {
    await Promise.all(locking);
    const probe = new pg.Client({ connectionString: databaseUrl, application_name: "tailor-worker-recovery" });
    await probe.connect();
    try {
      const { rows } = await probe.query<{ locked_by: string }>(
        `select distinct locked_by from graphile_worker._private_jobs
         where locked_by is not null and locked_at < now() - $1::interval`,
        [MIN_LOCK_AGE],
      );
      const dead: string[] = [];
      for (const { locked_by: poolId } of rows) {
        // Free only when no live session holds it: the pool's process is gone.
        const { rows: probed } = await probe.query<{ free: boolean }>("select pg_try_advisory_lock($1, hashtext($2)) as free", [
          LOCK_NAMESPACE,
          poolId,
        ]);
        if (probed[0]?.free) {
          dead.push(poolId);
          await probe.query("select pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, poolId]);
        }
      }
      if (dead.length > 0) await probe.query("select graphile_worker.force_unlock_workers($1::text[])", [dead]);
      return dead;
    } finally {
      await probe.end();
    }
  }

  return {
    events,
    recoverJobsOfDeadWorkers,
    async stop() {
      stopping = true;
      await lockClient.end();
    },
  };
}
