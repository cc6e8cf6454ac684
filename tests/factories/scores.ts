import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Db } from "../../server/db/client";
import { runScorePipeline, type PipelineOptions } from "../../server/scoring/pipeline/run-score-pipeline";

/** A pg connection of its own, as the scoring task opens one. */
export async function scoringClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** Runs the scoring pipeline in-process (as the worker's task would), from `checkpoint`. */
export async function runScoring(
  db: Db,
  client: pg.Client,
  workspaceId: string,
  options: PipelineOptions & { jobRunId?: string; checkpoint?: number } = {},
) {
  const progress: number[] = [];
  const outcome = await runScorePipeline({
    db,
    client,
    databaseUrl: process.env.DATABASE_URL!,
    workspaceId,
    jobRunId: options.jobRunId ?? randomUUID(),
    trigger: "manual",
    checkpoint: options.checkpoint ?? 0,
    progress: async (done) => {
      progress.push(done);
    },
    ...options,
  });
  return { ...outcome, progress };
}
