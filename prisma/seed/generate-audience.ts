import pg from "pg";
import { contactSearchTextSql } from "../../server/audience/search/search-text";
import { rebuildContactFacts } from "../../server/segments/contact-facts";
import { rebuildEventRanks } from "../../server/segments/event-ranks";
import { batchSource } from "./batch-source";
import { buildCatalogue } from "./generate-catalogue";
import { copyInto, copyLine } from "./generate-copy";

export type GenerateAudienceOptions = {
  databaseUrl: string;
  workspaceId: string;
  contacts: number;
  events: number;
  seed: number;
  /** The end of the generated year; fixed in tests so that runs compare. */
  now?: Date;
  /** Delete the workspace's contacts, events and products first (else a workspace with contacts is refused). */
  replace?: boolean;
  /**
   * Drop the contact and event secondary indexes during the load and build them once after (as
   * pg_restore does); default: for 1,000,000 events or more. Only ever done while no other
   * workspace has contacts or events, whose queries and writes need those indexes meanwhile.
   */
  rebuildIndexes?: boolean;
  /** Generate in a worker thread, overlapping with loading; default: for 100,000 contacts or more. */
  threaded?: boolean;
  onProgress?: (progress: { contacts: number; events: number; phase: string }) => void;
};

const CONTACT_COLUMNS = [
  "id", "workspace_id", "external_id", "email", "first_name", "last_name", "phone", "locale", "time_zone",
  "country", "region", "city", "attributes", "first_seen_at", "last_seen_at", "created_at", "updated_at",
] as const;
const EVENT_COLUMNS = [
  "workspace_id", "contact_id", "type", "name", "properties", "revenue", "occurred_at", "received_at", "message_id", "source",
] as const;
const CONSENT_RECORD_COLUMNS = [
  "workspace_id", "contact_id", "purpose", "state", "source", "wording", "occurred_at", "created_at",
] as const;
const CONSENT_COLUMNS = ["contact_id", "purpose", "workspace_id", "state", "source", "updated_at"] as const;
const SUPPRESSION_COLUMNS = ["workspace_id", "email", "contact_id", "reason", "source", "note", "created_at"] as const;
const PRODUCT_COLUMNS = ["workspace_id", "sku", "name", "category", "price", "currency", "image_url", "url"] as const;

// Secondary indexes that are cheaper to build once after a big load than to maintain row by row;
// statements as in the migrations. `drop` when not a plain index (a primary key).
const BULK_LOAD_INDEXES: { name: string; create: string; drop?: string }[] = [
  { name: "event_workspace_id_message_id_key", create: `create unique index if not exists "event_workspace_id_message_id_key" on "event"("workspace_id", "message_id")` },
  { name: "event_contact_id_occurred_at_idx", create: `create index if not exists "event_contact_id_occurred_at_idx" on "event"("contact_id", "occurred_at" desc)` },
  { name: "event_workspace_id_name_occurred_at_idx", create: `create index if not exists "event_workspace_id_name_occurred_at_idx" on "event"("workspace_id", "name", "occurred_at") include ("contact_id", "revenue")` },
  {
    name: "event_category_idx",
    create: `create index if not exists "event_category_idx" on "event"("workspace_id", "name", lower("properties" ->> 'category'), "occurred_at") include ("contact_id", "revenue") where lower("properties" ->> 'category') is not null and octet_length("properties" ->> 'category') <= 1000`,
  },
  { name: "contact_workspace_id_email_key", create: `create unique index if not exists "contact_workspace_id_email_key" on "contact"("workspace_id", "email")` },
  { name: "contact_workspace_id_external_id_key", create: `create unique index if not exists "contact_workspace_id_external_id_key" on "contact"("workspace_id", "external_id")` },
  { name: "contact_workspace_id_last_seen_at_id_idx", create: `create index if not exists "contact_workspace_id_last_seen_at_id_idx" on "contact"("workspace_id", "last_seen_at" desc, "id" desc)` },
  { name: "contact_workspace_id_created_at_id_idx", create: `create index if not exists "contact_workspace_id_created_at_id_idx" on "contact"("workspace_id", "created_at" desc, "id" desc)` },
  { name: "contact_search_text_trgm_idx", create: `create index if not exists "contact_search_text_trgm_idx" on "contact_search" using gin ("text" gin_trgm_ops)` },
  {
    name: "event_rank_workspace_id_name_rank_occurred_at_idx",
    create: `create index if not exists "event_rank_workspace_id_name_rank_occurred_at_idx" on "event_rank"("workspace_id", "name", "rank", "occurred_at") include ("contact_id")`,
  },
  {
    name: "event_rank_pkey",
    create: `do $$ begin
      if not exists (select 1 from pg_constraint where conname = 'event_rank_pkey') then
        alter table "event_rank" add constraint "event_rank_pkey" primary key ("contact_id", "name", "rank");
      end if;
    end $$`,
    drop: `alter table "event_rank" drop constraint if exists "event_rank_pkey"`,
  },
];

/**
 * Loads a believable audience into a workspace with COPY: contacts with consent and
 * suppressions, a product catalogue, and exactly `events` events (sessions, carts, orders and
 * email engagement over the past year), streamed batch by batch so memory stays flat.
 */
export async function generateAudience(options: GenerateAudienceOptions) {
  const started = Date.now();
  const nowMs = (options.now ?? new Date()).getTime();
  const catalogue = buildCatalogue(options.seed);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  // Events are copied, and indexes rebuilt, on a second connection at the same time.
  const second = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  await second.connect();
  const report = (phase: string, contacts: number, events: number) => options.onProgress?.({ phase, contacts, events });
  let indexesDropped = false;
  try {
    for (const connection of [client, second]) await connection.query("set synchronous_commit = off");
    // Before foreign key checks go off: deleting a replaced audience must cascade to every table that refers to it.
    await prepareWorkspace(client, options);
    const skipsForeignKeyChecks = (await skipForeignKeyChecks(client)) && (await skipForeignKeyChecks(second));
    report(skipsForeignKeyChecks ? "foreign key checks off for this load" : "foreign key checks on", 0, 0);
    await copyInto(
      client,
      "product",
      PRODUCT_COLUMNS,
      catalogue.products.map((p) => copyLine([options.workspaceId, p.sku, p.name, p.category, p.price, "USD", p.imageUrl, p.url])),
    );
    const firstId = await reserveContactIds(client, options.contacts);
    const rebuild = (options.rebuildIndexes ?? options.events >= 1_000_000) && (await audienceTablesHoldOnly(client, options.workspaceId));
    if (rebuild) {
      report("dropping secondary indexes", 0, 0);
      for (const index of BULK_LOAD_INDEXES) await client.query(index.drop ?? `drop index if exists "${index.name}"`);
      indexesDropped = true;
    }

    const loadStarted = Date.now();
    report("loading", 0, 0);
    let contactsWritten = 0;
    let eventsWritten = 0;
    const batches = batchSource(
      { workspaceId: options.workspaceId, contacts: options.contacts, events: options.events, seed: options.seed, nowMs, firstId: firstId.toString() },
      options.threaded ?? options.contacts >= 100_000,
    );
    for await (const batch of batches) {
      const copyContacts = async () => {
        await copyInto(client, "contact", CONTACT_COLUMNS, [batch.contactText]);
        await copyInto(client, "consent_record", CONSENT_RECORD_COLUMNS, [batch.consentRecordText]);
        await copyInto(client, "contact_consent", CONSENT_COLUMNS, [batch.consentText]);
        await copyInto(client, "suppression", SUPPRESSION_COLUMNS, [batch.suppressionText]);
      };
      if (skipsForeignKeyChecks) {
        // Without foreign key checks, a batch's events need not wait for its contacts to be committed.
        const [, events] = await Promise.all([copyContacts(), copyInto(second, "event", EVENT_COLUMNS, batch.eventPieces)]);
        eventsWritten += events;
      } else {
        await copyContacts();
        eventsWritten += await copyInto(client, "event", EVENT_COLUMNS, batch.eventPieces);
      }
      contactsWritten += batch.contacts;
      options.onProgress?.({ phase: "loading", contacts: contactsWritten, events: eventsWritten });
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    report("indexing contacts for search", options.contacts, eventsWritten);
    const searchStarted = Date.now();
    await indexForSearch(client, options.workspaceId);
    const searchSeconds = (Date.now() - searchStarted) / 1000;
    // The generator writes with triggers off (as pg_restore does), so no pair was marked stale.
    report("ranking each contact's recent events", options.contacts, eventsWritten);
    const ranksStarted = Date.now();
    await client.query("set work_mem = '256MB'");
    await rebuildEventRanks(client, options.workspaceId);
    const ranksSeconds = (Date.now() - ranksStarted) / 1000;
    report("copying each contact's segment facts", options.contacts, eventsWritten);
    const factsStarted = Date.now();
    await rebuildContactFacts(client, options.workspaceId);
    const factsSeconds = (Date.now() - factsStarted) / 1000;
    const indexStarted = Date.now();
    if (rebuild) {
      report("rebuilding indexes", options.contacts, eventsWritten);
      await rebuildIndexes([client, second]);
      indexesDropped = false;
    }
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    report("analyzing", options.contacts, eventsWritten);
    const analyzeStarted = Date.now();
    // Vacuumed, not only analyzed: the Audience list walks contact's indexes index-only, which needs the
    // visibility map, and segment counts scan contact_facts, whose all-visible pages skip per-row checks.
    await client.query("vacuum (analyze) contact, contact_search, contact_facts");
    await client.query("analyze event, event_rank, event_rank_stale, product, contact_consent, consent_record, suppression");
    const stages = {
      load_s: round(loadSeconds),
      search_s: round(searchSeconds),
      ranks_s: round(ranksSeconds),
      facts_s: round(factsSeconds),
      indexes_s: round(indexSeconds),
      analyze_s: round((Date.now() - analyzeStarted) / 1000),
    };
    return { contacts: options.contacts, events: eventsWritten, products: catalogue.products.length, seconds: (Date.now() - started) / 1000, stages };
  } finally {
    if (indexesDropped) await rebuildIndexes([client, second]);
    await Promise.all([client.end(), second.end()]);
  }
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** Whether no other workspace has contacts or events, so that dropping their indexes hurts nobody. */
async function audienceTablesHoldOnly(client: pg.Client, workspaceId: string): Promise<boolean> {
  const { rows } = await client.query<{ others: boolean }>(
    `select exists (select 1 from contact where workspace_id <> $1) or exists (select 1 from event where workspace_id <> $1) as others`,
    [workspaceId],
  );
  return !rows[0]!.others;
}

/**
 * The search text of the loaded contacts, in one statement. This session skips triggers, so
 * nothing was queued for the indexer; when another role loads with triggers on, the queued
 * entries only make the indexer write the same text again.
 */
async function indexForSearch(client: pg.Client, workspaceId: string) {
  await client.query(
    `insert into contact_search (contact_id, workspace_id, text)
     select c.id, c.workspace_id, ${contactSearchTextSql("c")} from contact c where c.workspace_id = $1
     on conflict (contact_id) do update set text = excluded.text`,
    [workspaceId],
  );
}

/** Builds the dropped indexes, largest first, each connection taking the next one as it finishes. */
async function rebuildIndexes(connections: pg.Client[]) {
  const queue = [...BULK_LOAD_INDEXES];
  await Promise.all(
    connections.map(async (connection) => {
      await connection.query("set maintenance_work_mem = '512MB'");
      for (let index = queue.shift(); index; index = queue.shift()) await connection.query(index.create);
    }),
  );
}

/**
 * Every row the generator writes references rows it wrote before (or the workspace it checked),
 * so per-row foreign key triggers only cost time: a superuser session skips them, as pg_dump's
 * restores do. Other roles keep the checks and load more slowly.
 */
async function skipForeignKeyChecks(client: pg.Client): Promise<boolean> {
  try {
    await client.query("set session_replication_role = replica");
    return true;
  } catch {
    return false;
  }
}

async function prepareWorkspace(client: pg.Client, options: GenerateAudienceOptions) {
  const found = await client.query("select 1 from workspace where id = $1", [options.workspaceId]);
  if (found.rowCount === 0) throw new Error(`Workspace ${options.workspaceId} does not exist.`);
  const existing = await client.query("select 1 from contact where workspace_id = $1 limit 1", [options.workspaceId]);
  const products = await client.query("select 1 from product where workspace_id = $1 limit 1", [options.workspaceId]);
  if ((existing.rowCount ?? 0) + (products.rowCount ?? 0) === 0) return;
  if (!options.replace) {
    throw new Error("This workspace already has contacts or products; pass --replace to delete its audience first.");
  }
  for (const table of ["suppression", "consent_record", "event", "contact_consent", "contact_search", "contact_search_queue", "contact", "product"]) {
    await client.query(`delete from ${table} where workspace_id = $1`, [options.workspaceId]);
  }
}

/** Takes `count` consecutive ids from contact's sequence, with inserts held off meanwhile. */
async function reserveContactIds(client: pg.Client, count: number): Promise<bigint> {
  await client.query("begin");
  try {
    await client.query("lock table contact in share row exclusive mode");
    const { rows } = await client.query<{ first: string }>(
      "select nextval(pg_get_serial_sequence('contact', 'id'))::text as first",
    );
    const first = BigInt(rows[0]!.first);
    if (count > 1) {
      await client.query("select setval(pg_get_serial_sequence('contact', 'id'), $1::bigint)", [(first + BigInt(count - 1)).toString()]);
    }
    await client.query("commit");
    return first;
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}
