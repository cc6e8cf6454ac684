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

/**
 * Creates this session's staging table; its rows vanish at each commit. COPY gives every row a
 * fresh id from contact's sequence (`new_id`): the id it is inserted under if no contact matches.
 */
export async function prepareContactStage(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ sequence: string }>(`select pg_get_serial_sequence('contact', 'id') as sequence`);
  const sequence = rows[0]!.sequence.replaceAll("'", "''");
  await client.query(`
    create temp table if not exists ${STAGE} (
      line int not null, email text, external_id text,
      ${PROFILE_COLUMNS.map((column) => `${column} text`).join(", ")},
      attributes jsonb, consent "ConsentState",
      new_id bigint not null default nextval('${sequence}'::regclass),
      contact_id bigint, skipped boolean not null default false
    ) on commit delete rows`);
}

/** What identifies a row's contact. */
export type ContactIdentity = Pick<ContactRow, "email" | "externalId">;

/**
 * Contact identities already in a batch: a second row for the same contact must go in the next
 * batch. Emails and external ids are kept apart so that a lookup hashes the row's own string
 * (V8 caches a string's hash) instead of building a prefixed key per lookup: a row is checked
 * against every batch in flight.
 */
export class ContactBatchKeys {
  private readonly emails = new Set<string>();
  private readonly externalIds = new Set<string>();

  conflicts(row: ContactIdentity): boolean {
    return (row.email !== null && this.emails.has(row.email)) || (row.externalId !== null && this.externalIds.has(row.externalId));
  }

  add(row: ContactIdentity): void {
    if (row.email !== null) this.emails.add(row.email);
    if (row.externalId !== null) this.externalIds.add(row.externalId);
  }
}

const EMAIL_OWNER = `(select c.id from contact c where s.email is not null and c.workspace_id = $1 and c.email = s.email)`;
const EXTERNAL_ID_OWNER = `(select c.id from contact c where s.external_id is not null and c.workspace_id = $1 and c.external_id = s.external_id)`;

/**
 * Sets `contact_id` on the rows whose contact exists: the one with its email, else the one with
 * its external id. Only those rows are rewritten; the others (all of them in a first import)
 * stay as copied and are inserted under their `new_id`. Returns how many rows matched.
 */
async function matchContacts(client: pg.ClientBase, workspaceId: string): Promise<number> {
  const owner = `coalesce(${EMAIL_OWNER}, ${EXTERNAL_ID_OWNER})`;
  const result = await client.query(`update ${STAGE} s set contact_id = ${owner} where ${owner} is not null`, [workspaceId]);
  return result.rowCount ?? 0;
}

/**
 * New rows whose insert was skipped because a concurrent writer created the same email or
 * external id meanwhile: matched to that contact now (its values are left alone), or left
 * without a contact, to be reported.
 */
async function rematchSkippedRows(client: pg.ClientBase, workspaceId: string): Promise<void> {
  await client.query(
    `update ${STAGE} s set skipped = true, contact_id = coalesce(${EMAIL_OWNER}, ${EXTERNAL_ID_OWNER})
     where s.contact_id is null and not exists (select 1 from contact c where c.id = s.new_id)`,
    [workspaceId],
  );
}

function mergeExpression(column: string, mode: ExistingContactMode): string {
  return mode === "update" ? `coalesce(s.${column}, c.${column})` : `coalesce(c.${column}, s.${column})`;
}

export type ContactBatchOutcome = {
  stored: number;
  errors: RowError[];
  /** Whether existing contacts were written to: a batch written alongside this one must be redone after it. */
  changedExisting: boolean;
};

/**
 * Writes one batch of valid rows (each contact at most once) set-wise, inside the caller's
 * transaction, in two steps. First what only concerns new contacts: match existing contacts by
 * email, then by external id; insert the others; record their consent. Then, once
 * `beforeExisting` has resolved (the runner waits there for the previous batch to commit), what
 * touches existing contacts: update them per `existing` (only when something changes, so a
 * re-import changes nothing) and record their consent changes.
 */
export async function writeContactBatch(
  client: pg.ClientBase,
  context: ContactBatchContext,
  rows: readonly ContactRow[],
  beforeExisting: () => Promise<void> = async () => undefined,
): Promise<ContactBatchOutcome> {
  if (rows.length === 0) {
    await beforeExisting();
    return { stored: 0, errors: [], changedExisting: false };
  }
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
  const inserted = await client.query(
    `insert into contact (id, workspace_id, email, external_id, ${PROFILE_COLUMNS.join(", ")}, attributes)
     select new_id, $1, email, external_id, ${PROFILE_COLUMNS.join(", ")}, coalesce(attributes, '{}')
     from ${STAGE} where contact_id is null order by line
     on conflict do nothing`,
    [workspaceId],
  );
  const skipped = rows.length - matched - (inserted.rowCount ?? 0);
  if (skipped > 0) await rematchSkippedRows(client, workspaceId);
  await recordConsentChanges(client, context, "new");

  await beforeExisting();
  const changedExisting = existing !== "skip" && matched + skipped > 0;
  if (changedExisting) {
    if (matched > 0) await updateExistingContacts(client, workspaceId, existing);
    await recordConsentChanges(client, context, "existing");
  }

  const unmatched = skipped > 0 ? (await client.query<{ line: number }>(`select line from ${STAGE} where skipped and contact_id is null order by line`)).rows : [];
  const errors: RowError[] = unmatched.map(({ line }) => ({
    line,
    field: null,
    reason: "Conflicts with another contact that has this email or external id",
  }));
  return { stored: rows.length - errors.length, errors, changedExisting };
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
     where c.id = s.contact_id and not s.skipped and c.workspace_id = $1
       and (${assignments.map(([column]) => `c.${column}`).join(", ")})
           is distinct from (${assignments.map(([, value]) => value).join(", ")})`,
    [workspaceId],
  );
}

/**
 * Consent from the file, recorded only where it changes the contact's current state: for the
 * rows inserted as new contacts (which have none yet), or for the rows of existing contacts.
 */
async function recordConsentChanges(client: pg.ClientBase, context: ContactBatchContext, rows: "new" | "existing") {
  const changedRows =
    rows === "new"
      ? `select s.new_id as contact_id, s.consent as state from ${STAGE} s
         where s.consent is not null and s.contact_id is null and not s.skipped`
      : // Probed by the consent key: a join would scan the workspace's growing consent table once per batch.
        `select s.contact_id, s.consent as state from ${STAGE} s
         where s.consent is not null and s.contact_id is not null
           and (select cc.state from contact_consent cc where cc.contact_id = s.contact_id and cc.purpose = 'email_marketing') is distinct from s.consent`;
  await client.query(
    `with changed as (${changedRows}
     ), current_state as (
       insert into contact_consent (contact_id, purpose, workspace_id, state, source, updated_at)
       select contact_id, 'email_marketing', $1, state, 'import', now() from changed
       on conflict (contact_id, purpose) do update
         set state = excluded.state, source = excluded.source, updated_at = excluded.updated_at
     )
     insert into consent_record (workspace_id, contact_id, purpose, state, source, wording, recorded_by_id, occurred_at)
     select $1, contact_id, 'email_marketing', state, 'import', $2, $3, now() from changed`,
    [context.workspaceId, context.consentWording, context.recordedById],
  );
}
