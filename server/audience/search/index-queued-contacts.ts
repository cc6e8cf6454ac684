import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { contactSearchTextSql } from "./search-text";

export const INDEX_BATCH_CONTACTS = 20_000;

type Queued = { contact_id: string; version: number };

/**
 * Copies the search text of queued contacts into contact_search, batch by batch until the queue
 * is empty. Each batch reads the queue, then the contacts (a fresh snapshot), then dequeues only
 * the entries whose version it read: a contact changed meanwhile was re-queued with a new
 * version and stays for the next batch. Safe to run twice at once (both write the same text).
 */
export async function indexQueuedContacts(
  db: Db,
  options: {
    batchContacts?: number;
    signal?: AbortSignal;
    onBatch?: (indexed: number) => void;
    /** Asked before each batch: true stops the run, leaving the rest queued for a later one. */
    yieldWhile?: () => Promise<boolean>;
  } = {},
): Promise<number> {
  const batchContacts = options.batchContacts ?? INDEX_BATCH_CONTACTS;
  let indexed = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await options.yieldWhile?.()) return indexed;
    const queued = await db.$queryRaw<Queued[]>`
      select contact_id::text, version from contact_search_queue order by contact_id limit ${batchContacts}`;
    if (queued.length === 0) return indexed;
    const ids = queued.map((entry) => entry.contact_id);
    await db.$executeRaw`
      insert into contact_search (contact_id, workspace_id, text)
      select c.id, c.workspace_id, ${Prisma.raw(contactSearchTextSql("c"))}
      from contact c where c.id = any(${ids}::bigint[])
      on conflict (contact_id) do update set text = excluded.text
        where contact_search.text is distinct from excluded.text`;
    await db.$executeRaw`
      delete from contact_search_queue q
      using unnest(${ids}::bigint[], ${queued.map((entry) => entry.version)}::int[]) as read(contact_id, version)
      where q.contact_id = read.contact_id and q.version = read.version`;
    indexed += queued.length;
    options.onBatch?.(indexed);
    if (queued.length < batchContacts) return indexed;
  }
}
