import { setImmediate, setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { Db } from "../../db/client";
import { requestContactSearchIndexing } from "../search";
import { requestEventRankRefresh } from "../../segments/event-ranks";
import { readImportChunks } from "./chunks";
import { readCsvRecords } from "./csv-stream";
import { compileMapping } from "./mapping";
import { type ContactRow, type EventRow, type RowError, type RowResult, validateContactRecord, validateEventRecord } from "./rows";
import { storedOptionsSchema } from "./schemas";
import { type BatchResult, type BatchTurn, OrderedBatchWriter } from "./ordered-batches";
import { ContactBatchKeys, prepareContactStage, writeContactBatch } from "./write-contacts";
import { prepareEventStage, writeEventBatch } from "./write-events";

export const DEFAULT_BATCH_ROWS = 10_000;
const MAX_RAW_CHARS = 1000;
/**
 * Records parsed between turns of the event loop. The parser hands records over in microtasks,
 * which starve I/O: without a turn now and then, the writer's query replies wait for a whole
 * file chunk to be parsed, and Postgres sits idle meanwhile.
 */
const RECORDS_PER_TURN = 500;

export type RunImportInput = {
  db: Db;
  /** A dedicated connection: each batch commits on it together with its checkpoint. */
  client: pg.ClientBase;
  /** Another dedicated connection: contact batches are then written two at a time. */
  secondClient?: pg.ClientBase;
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

type PendingBatch = {
  contacts: ContactRow[];
  events: EventRow[];
  errors: (RowError & { raw: string | null })[];
  records: number;
  keys: ContactBatchKeys;
};

const emptyBatch = (): PendingBatch => ({ contacts: [], events: [], errors: [], records: 0, keys: new ContactBatchKeys() });

export class ImportNotRunnable extends Error {}

/**
 * Runs an uploaded import: streams the file's chunks through the CSV parser, validates each
 * row, and writes batches set-wise while the next ones are parsed. Each batch commits together
 * with its checkpoint (rows processed, counts, job progress), in file order, so a worker killed
 * at any moment resumes after the last committed batch and the file's rows end up stored
 * exactly once.
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

  // Event batches may create the same contacts, so they are written one at a time.
  const clients = mapping.kind === "contacts" && input.secondClient ? [client, input.secondClient] : [client];
  for (const connection of clients) {
    if (mapping.kind === "contacts") await prepareContactStage(connection);
    else await prepareEventStage(connection);
  }
  const writer = new OrderedBatchWriter(clients, `import ${importId}`);
  const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
  const consentWording = `CSV import ${found.fileName}`;
  let batch = emptyBatch();
  /** Batches submitted and maybe not yet committed, whose contacts a row must not be written alongside. */
  const inFlight = new Set<{ keys: ContactBatchKeys; done: Promise<unknown> }>();
  let submitted = 0;

  async function writeBatch({ client: connection, waitForEarlier }: BatchTurn, pending: PendingBatch): Promise<BatchResult> {
    const written =
      mapping.kind === "contacts"
        ? await writeContactBatch(
            connection,
            { workspaceId, existing: options.run!.existing, recordedById: found!.createdById, consentWording },
            pending.contacts,
            waitForEarlier,
          )
        : await waitForEarlier().then(async () => ({ ...(await writeEventBatch(connection, workspaceId, pending.events)), changedExisting: false }));
    await waitForEarlier();
    const failed = await insertErrors(connection, importId, [...pending.errors, ...written.errors.map((error) => ({ ...error, raw: null }))]);
    counts.processed += pending.records;
    counts.imported += written.stored;
    counts.failed += failed;
    await saveCheckpoint(connection, input, counts, Math.max(rowsTotal, counts.processed));
    return { changedExisting: written.changedExisting };
  }

  async function afterCommit(connection: pg.ClientBase, first: boolean) {
    // Statistics taken before this import may say the workspace has no contacts; the planner
    // would then probe contacts by email through any index that starts with the workspace,
    // scanning all of its (new) contacts per row. Fresh statistics once is enough.
    if (first) await connection.query("analyze contact");
    if (input.pauseAfterBatchMs) await sleep(input.pauseAfterBatchMs);
  }

  /** Hands the batch to the writer, which writes it while the next ones are parsed. */
  async function commitBatch() {
    if (batch.records === 0) return;
    const pending = batch;
    batch = emptyBatch();
    input.signal?.throwIfAborted();
    const first = submitted++ === 0;
    // The second batch waits for the first one's statistics.
    const { done } = await writer.submit((turn) => writeBatch(turn, pending), {
      alone: submitted === 2,
      afterCommit: (connection) => afterCommit(connection, first),
    });
    const entry = { keys: pending.keys, done };
    inFlight.add(entry);
    void done.catch(() => undefined).finally(() => inFlight.delete(entry));
  }

  /** A second row for a contact goes in a later batch, written after the batch with the first row. */
  async function separateFromEarlierRows(row: ContactRow) {
    if (batch.keys.conflicts(row)) await commitBatch();
    for (const earlier of inFlight) {
      if (earlier.keys.conflicts(row)) await earlier.done.catch(() => undefined);
    }
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
      await separateFromEarlierRows(row);
      batch.keys.add(row);
      batch.contacts.push(row);
      batch.records++;
    }
  }

  let recordIndex = -1;
  for await (const item of readCsvRecords(readImportChunks(db, importId), options.upload.format)) {
    recordIndex++;
    if (recordIndex % RECORDS_PER_TURN === 0) await setImmediate();
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
  await writer.finish();
  await db.import.update({ where: { id: importId }, data: { finishedAt: new Date(), rowsTotal: counts.processed } });
  // The total was an estimate from line breaks; now it is known.
  if (input.jobRunId) await db.jobRun.update({ where: { id: input.jobRunId }, data: { progressDone: counts.processed, progressTotal: counts.processed } });
  // The imported contacts are searchable at once (queued ones are matched live); indexing them now keeps searches fast.
  if (counts.imported > 0) await requestContactSearchIndexing(db);
  // Segment counts read the imported contacts' events directly until their ranks are refreshed.
  if (counts.imported > 0 && mapping.kind === "events") await requestEventRankRefresh(db);
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
