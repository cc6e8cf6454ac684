import type { Db } from "../../db/client";

/** Bytes per stored chunk of an uploaded file. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * An uploaded file's bytes, chunk by chunk in order, read from Postgres so that any worker on
 * any machine can run the import. The next chunk is fetched while the caller works on this one;
 * at most two are held in memory.
 */
export async function* readImportChunks(db: Db, importId: string): AsyncGenerator<Buffer> {
  const fetchChunk = (seq: number) => {
    const fetched = db.importChunk.findUnique({ where: { importId_seq: { importId, seq } }, select: { data: true } });
    // Awaited on the next turn; when the reader stops early, a failure here must not go unhandled.
    fetched.catch(() => undefined);
    return fetched;
  };
  let next = fetchChunk(0);
  for (let seq = 0; ; seq++) {
    const chunk = await next;
    if (!chunk) return;
    next = fetchChunk(seq + 1);
    yield Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
  }
}
