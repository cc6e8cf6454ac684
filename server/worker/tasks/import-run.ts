import pg from "pg";
import { z } from "zod";
import { runImport } from "../../audience/import";
import { getEnv } from "../../env";
import { defineTrackedTask } from "../task";

export const importRunPayloadSchema = z.object({
  importId: z.uuid(),
  /** Rows per committed batch; tests and benches tune it, the UI never sets it. */
  batchRows: z.int().min(1).max(50_000).optional(),
  /** Test hook: a pause after each committed batch, to kill a worker part-way. */
  pauseAfterBatchMs: z.int().min(0).max(10_000).optional(),
});

/**
 * Imports an uploaded CSV file. The checkpoint lives on the import row (rows processed,
 * committed with each batch), so a restarted attempt continues after the last batch.
 */
export const importRun = defineTrackedTask({
  title: "CSV import",
  payloadSchema: importRunPayloadSchema,
  async run({ db, jobRunId, workspaceId, payload, signal }) {
    // COPY and per-batch transactions need connections of their own, outside Prisma's pool;
    // with two, contact batches are written two at a time.
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    const secondClient = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    try {
      await client.connect();
      await secondClient.connect();
      const outcome = await runImport({
        db,
        client,
        secondClient,
        workspaceId,
        importId: payload.importId,
        jobRunId,
        batchRows: payload.batchRows,
        pauseAfterBatchMs: payload.pauseAfterBatchMs,
        signal,
      });
      return { ...outcome, workerPid: process.pid };
    } finally {
      await Promise.all([client.end(), secondClient.end()]);
    }
  },
});
