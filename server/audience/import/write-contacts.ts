import type pg from "pg";
import { copyLine } from "./copy-text";
import { copyInto } from "./copy";
import type { ExistingContactMode } from "./fields";
import type { ContactRow, RowError } from "./rows";

const STAGE = "import_contact_stage";
/** Profile columns an import writes, in COPY order after `line`, `email` and `external_id`. */
const PROFILE_COLUMNS = ["first_name", "last_name", "phone", "locale", "time_zone", "country", "region", "city"] as const;
const STAGE_COLUMNS = ["line", "email", "external_id", ...PROFILE_COLUMNS, "attributes", "consent"] as const;

export type ContactBatchContext = {
  workspaceId: string;
  existing: ExistingContactMode;
  /** Who imported, for the consent history. */
  recordedById: string | null;
  consentWording: string;
};

/** Creates this session's staging table; its rows vanish at each commit. */
export async function prepareContactStage(client: pg.ClientBase): Promise<void> {
  await client.query(`
    create temp table if not exists ${STAGE} (
      line int not null, email text, external_id text,
      ${PROFILE_COLUMNS.map((column) => `${column} text`).join(", ")},
      attributes jsonb, consent "ConsentState",
      contact_id bigint, is_new boolean not null default false
    ) on commit delete rows`);
}

/** Contact identities already in a batch: a second row for the same contact must go in the next batch. */
export class ContactBatchKeys {
  private readonly keys = new Set<string>();

  conflicts(row: ContactRow): boolean {
    return (row.email !== null && this.keys.has(`e:${row.email}`)) || (row.externalId !== null && this.keys.has(`x:${row.externalId}`));
  }

  add(row: ContactRow): void {
    if (row.email !== null) this.keys.add(`e:${row.email}`);
    if (row.externalId !== null) this.keys.add(`x:${row.externalId}`);
  }

  clear(): void {
    this.keys.clear();
  }
}

const EMAIL_OWNER = `(select c.id from contact c where s.email is not null and c.workspace_id = $1 and c.email = s.email)`;
const EXTERNAL_ID_OWNER = `(select c.id from contact c where s.external_id is not null and c.workspace_id = $1 and c.external_id = s.external_id)`;

/**
 * Sets each row's contact in one pass: the one with its email, else the one with its external
 * id, else a fresh id from contact's sequence (`is_new`), under which the row is inserted.
 * Returns how many rows matched an existing contact.
 */
async function matchContacts(client: pg.ClientBase, workspaceId: string): Promise<number> {
  const result = await client.query<{ matched: number }>(
    `with matched as (
       update ${STAGE} s set contact_id = coalesce(${EMAIL_OWNER}, ${EXTERNAL_ID_OWNER}), is_new = false
       returning contact_id
     )
     select count(contact_id)::int as matched from matched`,
    [workspaceId],
  );
  await client.query(`update ${STAGE} set contact_id = nextval(pg_get_serial_sequence('contact', 'id')), is_new = true where contact_id is null`);
  return result.rows[0]!.matched;
}

/**
 * New rows whose insert was skipped because a concurrent writer created the same email or
 * external id meanwhile: matched to that contact now (its values are left alone), or left
 * without a contact, to be reported.
 */
async function rematchSkippedRows(client: pg.ClientBase, workspaceId: string): Promise<void> {
  await client.query(
    `update ${STAGE} s set is_new = false, contact_id = coalesce(${EMAIL_OWNER}, ${EXTERNAL_ID_OWNER})
     where s.is_new and not exists (select 1 from contact c where c.id = s.contact_id)`,
    [workspaceId],
  );
}

function mergeExpression(column: string, mode: ExistingContactMode): string {
  return mode === "update" ? `coalesce(s.${column}, c.${column})` : `coalesce(c.${column}, s.${column})`;
}

/**
 * Writes one batch of valid rows (each contact at most once) set-wise, inside the caller's
 * transaction: match existing contacts by email, then by external id; update them per
 * `existing` (only when something changes, so a re-import changes nothing); insert the others;
 * record consent changes. Returns how many rows were stored and the rows that could not be.
 */
export async function writeContactBatch(
  client: pg.ClientBase,
  context: ContactBatchContext,
  rows: readonly ContactRow[],
): Promise<{ stored: number; errors: RowError[] }> {
  if (rows.length === 0) return { stored: 0, errors: [] };
  const { workspaceId, existing } = context;
  await copyInto(
    client,
    STAGE,
    STAGE_COLUMNS,
    rows.map((row) =>
      copyLine([
        row.line,
        row.email,
        row.externalId,
        row.firstName,
        row.lastName,
        row.phone,
        row.locale,
        row.timeZone,
        row.country,
        row.region,
        row.city,
        row.attributes ? JSON.stringify(row.attributes) : null,
        row.consent,
      ]),
    ),
  );
  const matched = await matchContacts(client, workspaceId);
  if (existing !== "skip" && matched > 0) await updateExistingContacts(client, workspaceId, existing);

  const inserted = await client.query<{ inserted: number }>(
    `with inserted as (
       insert into contact (id, workspace_id, email, external_id, ${PROFILE_COLUMNS.join(", ")}, attributes)
       select contact_id, $1, email, external_id, ${PROFILE_COLUMNS.join(", ")}, coalesce(attributes, '{}')
       from ${STAGE} where is_new order by line
       on conflict do nothing
       returning 1
     )
     select count(*)::int as inserted from inserted`,
    [workspaceId],
  );
  const skipped = rows.length - matched - inserted.rows[0]!.inserted;
  if (skipped > 0) await rematchSkippedRows(client, workspaceId);
  await recordConsentChanges(client, context);

  const unmatched = skipped > 0 ? (await client.query<{ line: number }>(`select line from ${STAGE} where contact_id is null order by line`)).rows : [];
  const errors: RowError[] = unmatched.map(({ line }) => ({
    line,
    field: null,
    reason: "Conflicts with another contact that has this email or external id",
  }));
  return { stored: rows.length - errors.length, errors };
}

async function updateExistingContacts(client: pg.ClientBase, workspaceId: string, mode: "update" | "fill_empty") {
  // Another contact may already own the row's external id (or email): then that value is kept.
  const externalIdFree = `not exists (select 1 from contact o where o.workspace_id = $1 and o.external_id = s.external_id and o.id <> c.id)`;
  const emailFree = `not exists (select 1 from contact o where o.workspace_id = $1 and o.email = s.email and o.id <> c.id)`;
  const externalId =
    mode === "update"
      ? `case when s.external_id is not null and ${externalIdFree} then s.external_id else c.external_id end`
      : `coalesce(c.external_id, case when s.external_id is not null and ${externalIdFree} then s.external_id end)`;
  const email =
    mode === "update"
      ? `case when s.email is not null and ${emailFree} then s.email else c.email end`
      : `coalesce(c.email, case when s.email is not null and ${emailFree} then s.email end)`;
  const attributes = mode === "update" ? `c.attributes || coalesce(s.attributes, '{}')` : `coalesce(s.attributes, '{}') || c.attributes`;
  const assignments: [string, string][] = [
    ["email", email],
    ["external_id", externalId],
    ...PROFILE_COLUMNS.map((column): [string, string] => [column, mergeExpression(column, mode)]),
    ["attributes", attributes],
  ];
  await client.query(
    `update contact c set ${assignments.map(([column, value]) => `${column} = ${value}`).join(", ")}, updated_at = now()
     from ${STAGE} s
     where c.id = s.contact_id and not s.is_new and c.workspace_id = $1
       and (${assignments.map(([column]) => `c.${column}`).join(", ")})
           is distinct from (${assignments.map(([, value]) => value).join(", ")})`,
    [workspaceId],
  );
}

/** Consent from the file, recorded only where it changes the contact's current state. */
async function recordConsentChanges(client: pg.ClientBase, context: ContactBatchContext) {
  await client.query(
    `with changed as (
       -- A new contact has no consent yet; an existing one is probed by its key (a join would
       -- scan the workspace's growing consent table once per batch).
       select s.contact_id, s.consent as state
       from ${STAGE} s
       where s.consent is not null and s.contact_id is not null and ($2::boolean or s.is_new)
         and (s.is_new or (select cc.state from contact_consent cc where cc.contact_id = s.contact_id and cc.purpose = 'email_marketing') is distinct from s.consent)
     ), current_state as (
       insert into contact_consent (contact_id, purpose, workspace_id, state, source, updated_at)
       select contact_id, 'email_marketing', $1, state, 'import', now() from changed
       on conflict (contact_id, purpose) do update
         set state = excluded.state, source = excluded.source, updated_at = excluded.updated_at
     )
     insert into consent_record (workspace_id, contact_id, purpose, state, source, wording, recorded_by_id, occurred_at)
     select $1, contact_id, 'email_marketing', state, 'import', $3, $4, now() from changed`,
    [context.workspaceId, context.existing !== "skip", context.consentWording, context.recordedById],
  );
}
