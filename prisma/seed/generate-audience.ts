import pg from "pg";
import { buildCampaigns, buildCatalogue } from "./generate-catalogue";
import { activityWeight, planContact, type GeneratorWorld, type PlannedContact } from "./generate-contact";
import { copyField, copyInto, copyLine } from "./generate-copy";

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
  /** Drop the event indexes during the load and rebuild them after; default: for 1,000,000 events or more. */
  rebuildIndexes?: boolean;
  onProgress?: (progress: { contacts: number; events: number; phase: string }) => void;
};

const BATCH_CONTACTS = 10_000;

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

// Secondary indexes that are cheaper to build once after a big load than to maintain row by row
// (the GIN ones most of all); statements as in the audience migration.
const BULK_LOAD_INDEXES: { name: string; create: string }[] = [
  { name: "event_workspace_id_message_id_key", create: `create unique index if not exists "event_workspace_id_message_id_key" on "event"("workspace_id", "message_id")` },
  { name: "event_contact_id_occurred_at_idx", create: `create index if not exists "event_contact_id_occurred_at_idx" on "event"("contact_id", "occurred_at" desc)` },
  { name: "event_workspace_id_name_occurred_at_idx", create: `create index if not exists "event_workspace_id_name_occurred_at_idx" on "event"("workspace_id", "name", "occurred_at")` },
  { name: "contact_attributes_idx", create: `create index if not exists "contact_attributes_idx" on "contact" using gin ("attributes" jsonb_path_ops)` },
  {
    name: "contact_search_trgm_idx",
    create: `create index if not exists "contact_search_trgm_idx" on "contact" using gin ((lower(coalesce("email", '') || ' ' || coalesce("first_name", '') || ' ' || coalesce("last_name", ''))) gin_trgm_ops)`,
  },
];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Loads a believable audience into a workspace with COPY: contacts with consent and
 * suppressions, a product catalogue, and exactly `events` events (sessions, carts, orders and
 * email engagement over the past year), streamed batch by batch so memory stays flat.
 */
export async function generateAudience(options: GenerateAudienceOptions) {
  const started = Date.now();
  const nowMs = (options.now ?? new Date()).getTime();
  const catalogue = buildCatalogue(options.seed);
  const world: GeneratorWorld = { seed: options.seed, nowMs, catalogue, campaigns: buildCampaigns(options.seed, nowMs) };
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const report = (phase: string, contacts: number, events: number) => options.onProgress?.({ phase, contacts, events });
  const rebuild = options.rebuildIndexes ?? options.events >= 1_000_000;
  let indexesDropped = false;
  try {
    await client.query("set synchronous_commit = off");
    const skipsForeignKeyChecks = await skipForeignKeyChecks(client);
    report(skipsForeignKeyChecks ? "foreign key checks off for this load" : "foreign key checks on", 0, 0);
    await prepareWorkspace(client, options);
    await copyInto(
      client,
      "product",
      PRODUCT_COLUMNS,
      catalogue.products.map((p) => copyLine([options.workspaceId, p.sku, p.name, p.category, p.price, "USD", p.imageUrl, p.url])),
    );
    const firstId = await reserveContactIds(client, options.contacts);
    if (rebuild) {
      report("dropping secondary indexes", 0, 0);
      for (const index of BULK_LOAD_INDEXES) await client.query(`drop index if exists "${index.name}"`);
      indexesDropped = true;
    }

    const weights = new Float64Array(options.contacts);
    let totalWeight = 0;
    for (let i = 0; i < options.contacts; i++) totalWeight += weights[i] = activityWeight(options.seed, i);
    let cumulativeWeight = 0;
    let eventsAssigned = 0;
    let eventsWritten = 0;
    for (let batchStart = 0; batchStart < options.contacts; batchStart += BATCH_CONTACTS) {
      const batch: { id: bigint; plan: PlannedContact; index: number }[] = [];
      for (let i = batchStart; i < Math.min(options.contacts, batchStart + BATCH_CONTACTS); i++) {
        cumulativeWeight += weights[i]!;
        // Budgets from rounded cumulative shares add up to exactly the requested total.
        const target = totalWeight > 0 ? Math.round((options.events * cumulativeWeight) / totalWeight) : 0;
        batch.push({ id: firstId + BigInt(i), plan: planContact(world, i, target - eventsAssigned), index: i });
        eventsAssigned = target;
      }
      await copyInto(client, "contact", CONTACT_COLUMNS, contactLines(options.workspaceId, batch));
      eventsWritten += await copyInto(client, "event", EVENT_COLUMNS, eventLines(options, batch));
      await copyInto(client, "consent_record", CONSENT_RECORD_COLUMNS, consentRecordLines(options.workspaceId, batch));
      await copyInto(client, "contact_consent", CONSENT_COLUMNS, currentConsentLines(options.workspaceId, batch));
      await copyInto(client, "suppression", SUPPRESSION_COLUMNS, suppressionLines(options.workspaceId, batch));
      report("loading", batchStart + batch.length, eventsWritten);
    }
    if (rebuild) {
      report("rebuilding indexes", options.contacts, eventsWritten);
      await rebuildIndexes(client);
      indexesDropped = false;
    }
    report("analyzing", options.contacts, eventsWritten);
    await client.query("analyze contact, event, product, contact_consent, consent_record, suppression");
    return { contacts: options.contacts, events: eventsWritten, products: catalogue.products.length, seconds: (Date.now() - started) / 1000 };
  } finally {
    if (indexesDropped) await rebuildIndexes(client).catch(() => undefined);
    await client.end();
  }
}

async function rebuildIndexes(client: pg.Client) {
  await client.query("set maintenance_work_mem = '512MB'");
  for (const index of BULK_LOAD_INDEXES) await client.query(index.create);
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
  for (const table of ["suppression", "consent_record", "event", "contact_consent", "contact", "product"]) {
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

type Batch = { id: bigint; plan: PlannedContact; index: number }[];

function* contactLines(workspaceId: string, batch: Batch) {
  for (const { id, plan } of batch) {
    const first = plan.events[0]?.at;
    const last = plan.events[plan.events.length - 1]?.at;
    const created = iso(plan.createdAt);
    yield copyLine([
      id.toString(), workspaceId, plan.externalId, plan.email, plan.firstName, plan.lastName, plan.phone, plan.locale,
      plan.timeZone, plan.country, plan.region, plan.city, plan.attributes,
      first === undefined ? null : iso(first), last === undefined ? null : iso(last), created, last === undefined ? created : iso(last),
    ]);
  }
}

function* eventLines(options: GenerateAudienceOptions, batch: Batch) {
  const prefix = `${options.workspaceId}\t`;
  for (const { id, plan, index } of batch) {
    const contactId = id.toString();
    const messagePrefix = `seed-${options.seed}-${index}-`;
    for (let k = 0; k < plan.events.length; k++) {
      const event = plan.events[k]!;
      const at = iso(event.at);
      yield `${prefix}${contactId}\t${event.type}\t${event.name}\t${copyField(event.properties)}\t${event.revenue ?? "\\N"}\t${at}\t${at}\t${messagePrefix}${k}\tseed\n`;
    }
  }
}

function* consentRecordLines(workspaceId: string, batch: Batch) {
  for (const { id, plan } of batch) {
    for (const c of plan.consents) {
      yield copyLine([workspaceId, id.toString(), c.purpose, c.state, c.source, c.wording, iso(c.at), iso(c.at)]);
    }
  }
}

function* currentConsentLines(workspaceId: string, batch: Batch) {
  for (const { id, plan } of batch) {
    for (const purpose of ["email_marketing", "tracking"] as const) {
      const latest = plan.consents.filter((c) => c.purpose === purpose).sort((a, b) => a.at - b.at).at(-1);
      if (latest) yield copyLine([id.toString(), purpose, workspaceId, latest.state, latest.source, iso(latest.at)]);
    }
  }
}

function* suppressionLines(workspaceId: string, batch: Batch) {
  for (const { id, plan } of batch) {
    for (const s of plan.suppressions) {
      if (plan.email) yield copyLine([workspaceId, plan.email, id.toString(), s.reason, "seed", null, iso(s.at)]);
    }
  }
}
