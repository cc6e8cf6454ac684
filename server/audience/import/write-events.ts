import type pg from "pg";
import { copyLine } from "./copy-text";
import { copyInto } from "./copy";
import type { EventRow, RowError } from "./rows";

const STAGE = "import_event_stage";
const STAGE_COLUMNS = ["line", "email", "external_id", "name", "occurred_at", "revenue", "message_id", "properties"] as const;

export async function prepareEventStage(client: pg.ClientBase): Promise<void> {
  await client.query(`
    create temp table if not exists ${STAGE} (
      line int not null, email text, external_id text, name text not null, occurred_at timestamptz not null,
      revenue double precision, message_id text not null, properties jsonb not null, contact_id bigint
    ) on commit delete rows`);
}

async function matchContacts(client: pg.ClientBase, workspaceId: string) {
  await client.query(
    `update ${STAGE} s set contact_id = c.id from contact c
     where s.contact_id is null and s.email is not null and c.workspace_id = $1 and c.email = s.email`,
    [workspaceId],
  );
  await client.query(
    `update ${STAGE} s set contact_id = c.id from contact c
     where s.contact_id is null and s.external_id is not null and c.workspace_id = $1 and c.external_id = s.external_id`,
    [workspaceId],
  );
}

/**
 * Writes one batch of valid event rows set-wise, inside the caller's transaction: finds each
 * row's contact by email, then external id, creating contacts that do not exist yet; inserts
 * the events, skipping message ids already stored (so a re-import adds nothing); and widens
 * the contacts' first/last seen to the events' dates.
 */
export async function writeEventBatch(
  client: pg.ClientBase,
  workspaceId: string,
  rows: readonly EventRow[],
): Promise<{ stored: number; errors: RowError[] }> {
  if (rows.length === 0) return { stored: 0, errors: [] };
  await copyInto(
    client,
    STAGE,
    STAGE_COLUMNS,
    rows.map((row) =>
      copyLine([row.line, row.email, row.externalId, row.name, row.occurredAt, row.revenue, row.messageId, JSON.stringify(row.properties)]),
    ),
  );
  await client.query(`analyze ${STAGE}`);
  await matchContacts(client, workspaceId);
  const created = await client.query(
    `insert into contact (workspace_id, email, external_id)
     select distinct on (coalesce(email, external_id)) $1::uuid, email, external_id
     from ${STAGE} where contact_id is null
     order by coalesce(email, external_id), line
     on conflict do nothing`,
    [workspaceId],
  );
  if ((created.rowCount ?? 0) > 0) await matchContacts(client, workspaceId);

  await client.query(
    `insert into event (workspace_id, contact_id, type, name, properties, revenue, occurred_at, message_id, source)
     select $1, contact_id, 'track', name, properties, revenue, occurred_at, message_id, 'import'
     from ${STAGE} where contact_id is not null order by line
     on conflict (workspace_id, message_id) do nothing`,
    [workspaceId],
  );
  await client.query(
    `update contact c
     set first_seen_at = least(c.first_seen_at, seen.first_at), last_seen_at = greatest(c.last_seen_at, seen.last_at), updated_at = now()
     from (select contact_id, min(occurred_at) as first_at, max(occurred_at) as last_at
           from ${STAGE} where contact_id is not null group by contact_id) seen
     where c.id = seen.contact_id
       and (c.first_seen_at is distinct from least(c.first_seen_at, seen.first_at)
            or c.last_seen_at is distinct from greatest(c.last_seen_at, seen.last_at))`,
  );

  const unmatched = await client.query<{ line: number }>(`select line from ${STAGE} where contact_id is null order by line`);
  const errors: RowError[] = unmatched.rows.map(({ line }) => ({
    line,
    field: null,
    reason: "Its contact could not be found or created (the email or external id conflicts with another contact)",
  }));
  return { stored: rows.length - errors.length, errors };
}
