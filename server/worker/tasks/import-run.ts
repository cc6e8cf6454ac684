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
    // COPY and per-batch transactions need a connection of their own, outside Prisma's pool.
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await client.connect();
    try {
      const outcome = await runImport({
        db,
        client,
        workspaceId,
        importId: payload.importId,
        jobRunId,
        batchRows: payload.batchRows,
        pauseAfterBatchMs: payload.pauseAfterBatchMs,
        signal,
      });
      return { ...outcome, workerPid: process.pid };
    } finally {
      await client.end();
    }
  },
});
