import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { Db } from "../../db/client";
import { requestContactSearchIndexing } from "../search";
import { readImportChunks } from "./chunks";
import { readCsvRecords } from "./csv-stream";
import { compileMapping } from "./mapping";
import { type ContactRow, type EventRow, type RowError, type RowResult, validateContactRecord, validateEventRecord } from "./rows";
import { storedOptionsSchema } from "./schemas";
import { ContactBatchKeys, prepareContactStage, writeContactBatch } from "./write-contacts";
import { prepareEventStage, writeEventBatch } from "./write-events";

export const DEFAULT_BATCH_ROWS = 10_000;
const MAX_RAW_CHARS = 1000;

export type RunImportInput = {
  db: Db;
  /** A dedicated connection: each batch commits on it together with its checkpoint. */
  client: pg.ClientBase;
  workspaceId: string;
  importId: string;
  /** The job_run that shows progress, updated in each batch's transaction. */
  jobRunId: string | null;
  batchRows?: number;
  /** Test hook: wait after each committed batch, to kill a worker part-way. */
  pauseAfterBatchMs?: number;
  signal?: AbortSignal;
};

export type ImportOutcome = { rowsProcessed: number; rowsImported: number; rowsFailed: number; resumedFrom: number };

type PendingBatch = { contacts: ContactRow[]; events: EventRow[]; errors: (RowError & { raw: string | null })[]; records: number };

export class ImportNotRunnable extends Error {}

/**
 * Runs an uploaded import: streams the file's chunks through the CSV parser, validates each
 * row, and writes batches set-wise. Each batch commits together with its checkpoint (rows
 * processed, counts, job progress), so a worker killed at any moment resumes after the last
 * committed batch and the file's rows end up stored exactly once.
 */
export async function runImport(input: RunImportInput): Promise<ImportOutcome> {
  const { db, client, workspaceId, importId } = input;
  const found = await db.import.findFirst({ where: { id: importId, workspaceId } });
  if (!found) throw new ImportNotRunnable(`Import ${importId} does not exist in this workspace`);
  const options = storedOptionsSchema.parse(found.options);
  if (!options.run) throw new ImportNotRunnable(`Import ${importId} has not been started`);
  const compiled = compileMapping({
    kind: found.kind === "events" ? "events" : "contacts",
    header: options.upload.header,
    mapping: Array.isArray(found.mapping) ? found.mapping.map((target) => (typeof target === "string" ? target : null)) : [],
    eventName: options.run.eventName,
    format: options.upload.format,
    contentSha256: options.upload.contentSha256,
  });
  if (!compiled.ok) throw new ImportNotRunnable(compiled.problem.message);
  const mapping = compiled.mapping;

  const checkpoint = found.rowsProcessed;
  const rowsTotal = found.finishedAt ? found.rowsProcessed : Math.max(found.rowsTotal ?? 0, checkpoint);
  const counts = { processed: checkpoint, imported: found.rowsImported, failed: found.rowsFailed };
  if (found.finishedAt) return { rowsProcessed: counts.processed, rowsImported: counts.imported, rowsFailed: counts.failed, resumedFrom: checkpoint };

  if (mapping.kind === "contacts") await prepareContactStage(client);
  else await prepareEventStage(client);
  const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
  const keys = new ContactBatchKeys();
  const consentWording = `CSV import ${found.fileName}`;
  let batch: PendingBatch = { contacts: [], events: [], errors: [], records: 0 };

  let writing: Promise<void> = Promise.resolve();
  let analyzed = false;

  async function writeBatch(pending: PendingBatch) {
    await client.query("begin");
    try {
      // The checkpoint commits with the batch; losing the last commits in a database crash only means redoing them.
      await client.query("set local synchronous_commit = off");
      const written =
        mapping.kind === "contacts"
          ? await writeContactBatch(
              client,
              { workspaceId, existing: options.run!.existing, recordedById: found!.createdById, consentWording },
              pending.contacts,
            )
          : await writeEventBatch(client, workspaceId, pending.events);
      const failed = await insertErrors(client, importId, [...pending.errors, ...written.errors.map((error) => ({ ...error, raw: null }))]);
      counts.processed += pending.records;
      counts.imported += written.stored;
      counts.failed += failed;
      await saveCheckpoint(client, input, counts, Math.max(rowsTotal, counts.processed));
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
    if (!analyzed) {
      // Statistics taken before this import may say the workspace has no contacts; the
      // planner would then probe contacts by email through any index that starts with the
      // workspace, scanning all of its (new) contacts per row. Fresh statistics once is enough.
      analyzed = true;
      await client.query("analyze contact");
    }
    if (input.pauseAfterBatchMs) await sleep(input.pauseAfterBatchMs);
  }

  /**
   * Hands the batch to the writer and returns once the previous batch is written, so the file
   * is parsed and validated while Postgres writes. Batches are written one after another.
   */
  async function commitBatch() {
    if (batch.records === 0) return;
    const pending = batch;
    batch = { contacts: [], events: [], errors: [], records: 0 };
    keys.clear();
    await writing;
    input.signal?.throwIfAborted();
    writing = writeBatch(pending);
    // Awaited by the next commit or at the end; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }

  async function addRecord(fields: string[], line: number): Promise<void> {
    const result: RowResult<ContactRow | EventRow> =
      mapping.kind === "contacts" ? validateContactRecord(fields, line, mapping) : validateEventRecord(fields, line, mapping);
    if (!result.ok) {
      addError(batch, { ...result.error, raw: rawRecord(fields, options.upload.format.delimiter) });
    } else if (mapping.kind === "events") {
      batch.events.push(result.row as EventRow);
      batch.records++;
    } else {
      const row = result.row as ContactRow;
      // A second row for a contact already in the batch goes in the next one, after the first is written.
      if (keys.conflicts(row)) await commitBatch();
      keys.add(row);
      batch.contacts.push(row);
      batch.records++;
    }
  }

  let recordIndex = -1;
  for await (const item of readCsvRecords(readImportChunks(db, importId), options.upload.format)) {
    recordIndex++;
    // The header is record 0; records up to the checkpoint were committed by an earlier attempt.
    if (recordIndex === 0 || recordIndex <= checkpoint) continue;
    if (item.type === "unreadable") {
      addError(batch, { line: item.line, field: null, reason: item.reason, raw: null });
    } else {
      await addRecord(item.fields, item.line);
    }
    if (batch.records >= batchRows) await commitBatch();
  }
  await commitBatch();
  await writing;
  await db.import.update({ where: { id: importId }, data: { finishedAt: new Date(), rowsTotal: counts.processed } });
  // The total was an estimate from line breaks; now it is known.
  if (input.jobRunId) await db.jobRun.update({ where: { id: input.jobRunId }, data: { progressDone: counts.processed, progressTotal: counts.processed } });
  // The imported contacts are searchable at once (queued ones are matched live); indexing them now keeps searches fast.
  if (counts.imported > 0) await requestContactSearchIndexing(db);
  return { rowsProcessed: counts.processed, rowsImported: counts.imported, rowsFailed: counts.failed, resumedFrom: checkpoint };
}

function addError(batch: PendingBatch, error: RowError & { raw: string | null }) {
  batch.errors.push(error);
  batch.records++;
}

function rawRecord(record: readonly string[], delimiter: string): string {
  const raw = record.join(delimiter);
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}…` : raw;
}

async function insertErrors(client: pg.ClientBase, importId: string, errors: readonly (RowError & { raw: string | null })[]): Promise<number> {
  if (errors.length === 0) return 0;
  const result = await client.query(
    `insert into import_error (import_id, line, field, reason, raw)
     select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[])
     on conflict do nothing`,
    [importId, errors.map((e) => e.line), errors.map((e) => e.field), errors.map((e) => e.reason), errors.map((e) => e.raw)],
  );
  return result.rowCount ?? 0;
}

async function saveCheckpoint(
  client: pg.ClientBase,
  input: RunImportInput,
  counts: { processed: number; imported: number; failed: number },
  total: number,
) {
  await client.query(
    `update import set rows_processed = $2, rows_imported = $3, rows_failed = $4, rows_total = greatest(rows_total, $2)
     where id = $1`,
    [input.importId, counts.processed, counts.imported, counts.failed],
  );
  if (input.jobRunId) {
    await client.query(
      `update job_run set progress_done = $2, progress_total = $3, message = $4, updated_at = now() where id = $1`,
      [input.jobRunId, counts.processed, total, `${counts.imported} imported, ${counts.failed} failed`],
    );
  }
}
