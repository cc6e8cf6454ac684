import pg from "pg";
import { z } from "zod";
import { getEnv } from "../../env";
import { runScorePipeline } from "../../scoring/pipeline/run-score-pipeline";
import { defineTrackedTask } from "../task";

export const scoreRunPayloadSchema = z.object({
  trigger: z.enum(["schedule", "manual"]).default("manual"),
  /** Test hook: fail the run just before the swap, to prove the previous scores stay. */
  failBeforeSwap: z.boolean().optional(),
});

/**
 * A scoring run: features → fit → apply → swap, one stage per checkpoint step, so a run
 * interrupted by a worker restart resumes at the stage it was in.
 */
export const scoreRun = defineTrackedTask({
  title: "Scoring run",
  payloadSchema: scoreRunPayloadSchema,
  async run({ db, jobRunId, workspaceId, payload, checkpoint, progress, signal }) {
    // Cursors, COPY and temp tables need a connection of their own, outside Prisma's pool.
    const databaseUrl = getEnv().DATABASE_URL;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const outcome = await runScorePipeline({
        db,
        client,
        databaseUrl,
        workspaceId,
        jobRunId,
        trigger: payload.trigger,
        checkpoint,
        progress,
        signal,
        failBeforeSwap: payload.failBeforeSwap,
      });
      return { ...outcome, workerPid: process.pid };
    } finally {
      await client.end();
    }
  },
});
