import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { ContactChange, ContactRow } from "./contact-changes";
import type { ContactRef } from "./identity-plan";
import { LAST_SEEN_RESOLUTION_MS } from "./limits";

// Column list of ContactRow for jsonb_to_recordset; a constant, never user input.
const CONTACT_RECORD = Prisma.raw(
  "id bigint, external_id text, email text, first_name text, last_name text, phone text, locale text, time_zone text, " +
    "country text, region text, city text, attributes jsonb, first_seen_at timestamptz, last_seen_at timestamptz",
);

type RowWithId = ContactRow & { id: string | null };
const withId = (change: ContactChange, id: bigint | null): RowWithId => ({ ...change.row, id: id === null ? null : id.toString() });

/**
 * Inserts the batch's new contacts that have a key (external id or email) and tells each
 * planned contact its id. Runs as statements of its own, outside the batch's transaction:
 * concurrent batches meeting the same new people wait for each other only while one
 * statement runs, not for a whole transaction. ON CONFLICT on the key hands back the row a
 * concurrent batch created a moment ago (in `raced`, to be updated like any existing contact)
 * instead of an error. An email another contact already holds is left out.
 */
export async function insertKeyedContacts(db: Db, workspaceId: string, inserts: ContactChange[], ids: Map<ContactRef, bigint>): Promise<{ raced: ContactChange[] }> {
  const byExternalId = inserts.filter((change) => change.row.external_id !== null);
  const byEmail = inserts.filter((change) => change.row.external_id === null && change.row.email !== null);
  const raced: ContactChange[] = [];

  type Returned = { id: bigint; key: string; inserted: boolean };
  const collect = (changes: ContactChange[], keyOf: (row: ContactRow) => string | null, returned: Returned[]) => {
    const byKey = new Map(returned.map((row) => [row.key, row]));
    for (const change of changes) {
      const row = byKey.get(keyOf(change.row)!)!;
      ids.set(change.ref, row.id);
      if (!row.inserted) raced.push(change);
    }
  };
  if (byExternalId.length > 0) {
    const rows = JSON.stringify(byExternalId.map((change) => withId(change, null)));
    // xmax = 0 only on a freshly inserted row; a conflicting (existing) row was updated instead.
    const returned = await db.$queryRaw<Returned[]>`
      INSERT INTO contact (workspace_id, external_id, email, first_name, last_name, phone, locale, time_zone, country, region, city, attributes, first_seen_at, last_seen_at, updated_at)
      SELECT ${workspaceId}::uuid, x.external_id,
             CASE WHEN NOT EXISTS (SELECT 1 FROM contact AS o WHERE o.workspace_id = ${workspaceId}::uuid AND o.email = x.email) THEN x.email END,
             x.first_name, x.last_name, x.phone, x.locale, x.time_zone, x.country, x.region, x.city,
             coalesce(x.attributes, '{}'::jsonb), x.first_seen_at, x.last_seen_at, now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS x(${CONTACT_RECORD})
      ORDER BY x.external_id
      ON CONFLICT (workspace_id, external_id) DO UPDATE SET updated_at = contact.updated_at
      RETURNING id, external_id AS key, (xmax = 0) AS inserted`;
    collect(byExternalId, (row) => row.external_id, returned);
  }
  if (byEmail.length > 0) {
    const rows = JSON.stringify(byEmail.map((change) => withId(change, null)));
    const returned = await db.$queryRaw<Returned[]>`
      INSERT INTO contact (workspace_id, email, first_name, last_name, phone, locale, time_zone, country, region, city, attributes, first_seen_at, last_seen_at, updated_at)
      SELECT ${workspaceId}::uuid, x.email, x.first_name, x.last_name, x.phone, x.locale, x.time_zone, x.country, x.region, x.city,
             coalesce(x.attributes, '{}'::jsonb), x.first_seen_at, x.last_seen_at, now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS x(${CONTACT_RECORD})
      ORDER BY x.email
      ON CONFLICT (workspace_id, email) DO UPDATE SET updated_at = contact.updated_at
      RETURNING id, email AS key, (xmax = 0) AS inserted`;
    collect(byEmail, (row) => row.email, returned);
  }
  return { raced };
}

/**
 * Inserts the batch's new anonymous contacts. Having no key to find them by afterwards, they
 * take their ids from the sequence in a CTE that the insert and the answer both read (a CTE
 * read twice is materialized once), numbered in the order they were sent.
 */
export async function insertAnonymousContacts(db: Db, workspaceId: string, anonymous: ContactChange[], ids: Map<ContactRef, bigint>): Promise<void> {
  if (anonymous.length === 0) return;
  const rows = JSON.stringify(anonymous.map((change) => withId(change, null)));
  const inserted = await db.$queryRaw<{ id: bigint; position: bigint }[]>`
    WITH numbered AS (
      SELECT nextval(pg_get_serial_sequence('contact', 'id')) AS new_id, x.*
      FROM ROWS FROM (jsonb_to_recordset(${rows}::jsonb) AS (${CONTACT_RECORD})) WITH ORDINALITY AS x
    ), inserted AS (
      INSERT INTO contact (id, workspace_id, first_name, last_name, phone, locale, time_zone, country, region, city, attributes, first_seen_at, last_seen_at, updated_at)
      SELECT new_id, ${workspaceId}::uuid, first_name, last_name, phone, locale, time_zone, country, region, city,
             coalesce(attributes, '{}'::jsonb), first_seen_at, last_seen_at, now()
      FROM numbered
    )
    SELECT new_id AS id, ordinality AS position FROM numbered`;
  for (const row of inserted) ids.set(anonymous[Number(row.position) - 1]!.ref, row.id);
}

/**
 * Applies traits, identity claims and seen times to existing contacts, in id order (so two
 * batches lock shared contacts in the same order). Built-in columns take the new value,
 * attributes merge, an external id is only ever set where there is none, and an email only
 * when no other contact holds it.
 *
 * Rows that would not change are skipped: every contact update rewrites all of its index
 * entries (last_seen_at is indexed, so no update is HOT; the trigram index alone holds dozens
 * per contact), and most events only re-confirm that a known person was seen. last_seen_at
 * and first_seen_at therefore move only by more than LAST_SEEN_RESOLUTION_MS, unless the row
 * changes anyway.
 */
export async function updateContacts(db: Db, workspaceId: string, updates: ContactChange[], idOf: (ref: ContactRef) => bigint): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((change) => withId(change, idOf(change.ref))).sort((a, b) => (BigInt(a.id!) < BigInt(b.id!) ? -1 : 1));
  const resolution = `${LAST_SEEN_RESOLUTION_MS} milliseconds`;
  await db.$executeRaw`
    UPDATE contact AS c SET
      external_id = CASE
        WHEN c.external_id IS NOT NULL OR x.external_id IS NULL THEN c.external_id
        WHEN EXISTS (SELECT 1 FROM contact AS o WHERE o.workspace_id = c.workspace_id AND o.external_id = x.external_id) THEN c.external_id
        ELSE x.external_id END,
      email = CASE
        WHEN x.email IS NULL OR x.email = c.email THEN c.email
        WHEN EXISTS (SELECT 1 FROM contact AS o WHERE o.workspace_id = c.workspace_id AND o.email = x.email) THEN c.email
        ELSE x.email END,
      first_name = coalesce(x.first_name, c.first_name),
      last_name = coalesce(x.last_name, c.last_name),
      phone = coalesce(x.phone, c.phone),
      locale = coalesce(x.locale, c.locale),
      time_zone = coalesce(x.time_zone, c.time_zone),
      country = coalesce(x.country, c.country),
      region = coalesce(x.region, c.region),
      city = coalesce(x.city, c.city),
      attributes = CASE WHEN x.attributes IS NULL THEN c.attributes ELSE c.attributes || x.attributes END,
      first_seen_at = least(c.first_seen_at, x.first_seen_at),
      last_seen_at = greatest(c.last_seen_at, x.last_seen_at),
      updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${CONTACT_RECORD})
    WHERE c.id = x.id AND c.workspace_id = ${workspaceId}::uuid AND (
      (x.external_id IS NOT NULL AND c.external_id IS NULL)
      OR (x.email IS NOT NULL AND x.email IS DISTINCT FROM c.email)
      OR x.first_name <> c.first_name OR (x.first_name IS NOT NULL AND c.first_name IS NULL)
      OR x.last_name <> c.last_name OR (x.last_name IS NOT NULL AND c.last_name IS NULL)
      OR x.phone <> c.phone OR (x.phone IS NOT NULL AND c.phone IS NULL)
      OR x.locale <> c.locale OR (x.locale IS NOT NULL AND c.locale IS NULL)
      OR x.time_zone <> c.time_zone OR (x.time_zone IS NOT NULL AND c.time_zone IS NULL)
      OR x.country <> c.country OR (x.country IS NOT NULL AND c.country IS NULL)
      OR x.region <> c.region OR (x.region IS NOT NULL AND c.region IS NULL)
      OR x.city <> c.city OR (x.city IS NOT NULL AND c.city IS NULL)
      OR (x.attributes IS NOT NULL AND c.attributes || x.attributes <> c.attributes)
      OR c.first_seen_at IS NULL OR x.first_seen_at < c.first_seen_at - ${resolution}::interval
      OR c.last_seen_at IS NULL OR x.last_seen_at > c.last_seen_at + ${resolution}::interval)`;
}
