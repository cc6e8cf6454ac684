import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { getImport, type ImportKind, runImport, startImport, storeUpload } from "../../server/audience/import";
import type { Db } from "../../server/db/client";

export const CSV_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/csv");

export function readFixture(name: string): Promise<Buffer> {
  return readFile(path.join(CSV_FIXTURES, name));
}

/** Feeds bytes in small pieces, as a network upload arrives, so that chunking is exercised. */
export async function* inPieces(bytes: Buffer, pieceBytes = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
}

export type ImportActorFixture = { workspaceId: string; userId: string; email: string };

export async function uploadCsv(db: Db, actor: ImportActorFixture, kind: ImportKind, fileName: string, bytes: Buffer) {
  return storeUpload(db, actor, { kind, fileName, body: inPieces(bytes) });
}

/** A pg connection for runImport, closed by the returned function. */
export async function importConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

type ImportOptions = { mapping?: (string | null)[]; existing?: "update" | "fill_empty" | "skip"; eventName?: string | null; batchRows?: number };

/**
 * Uploads, starts (with the suggested mapping unless one is given) and runs an import in this
 * process, as the worker task would; the queued graphile job is removed so no worker repeats it.
 */
export async function importCsv(db: Db, actor: ImportActorFixture, kind: ImportKind, fileName: string, bytes: Buffer, options: ImportOptions = {}) {
  const { id } = await uploadCsv(db, actor, kind, fileName, bytes);
  const pending = await getImport(db, actor.workspaceId, id);
  const { jobRunId } = await startImport(db, actor, {
    id,
    mapping: options.mapping ?? pending.mapping,
    existing: options.existing ?? "update",
    eventName: options.eventName ?? null,
  });
  await db.$executeRaw`select graphile_worker.remove_job(${jobRunId}::text)`;
  // Two connections, as the worker task opens: contact batches are written two at a time.
  const [client, secondClient] = await Promise.all([importConnection(), importConnection()]);
  try {
    const outcome = await runImport({ db, client, secondClient, workspaceId: actor.workspaceId, importId: id, jobRunId, batchRows: options.batchRows });
    return { id, jobRunId, outcome };
  } finally {
    await Promise.all([client.end(), secondClient.end()]);
  }
}
