import type { Db } from "../../server/db/client";
import type { ReferenceData } from "../../server/segments/evaluate";

/**
 * Inserts an audience described as reference-evaluator data (contacts with placeholder ids,
 * events/consents/suppressions pointing at them) into a workspace, in one statement per table,
 * and returns the same data with the ids Postgres gave the contacts.
 */
export async function insertAudience(db: Db, workspaceId: string, data: ReferenceData): Promise<ReferenceData> {
  const ids = data.contacts.length
    ? await db.$queryRaw<{ id: bigint }[]>`select nextval(pg_get_serial_sequence('contact', 'id')) as id from generate_series(1, ${data.contacts.length}::int)`
    : [];
  const idOf = new Map(data.contacts.map((contact, i) => [contact.id, ids[i]!.id.toString()]));
  const mapId = (id: string) => {
    const mapped = idOf.get(id);
    if (!mapped) throw new Error(`No contact ${id} in the audience`);
    return mapped;
  };
  const result: ReferenceData = {
    contacts: data.contacts.map((c) => ({ ...c, id: mapId(c.id) })),
    events: data.events.map((e) => ({ ...e, contactId: mapId(e.contactId) })),
    consents: data.consents.map((c) => ({ ...c, contactId: mapId(c.contactId) })),
    suppressions: data.suppressions.map((s) => ({ ...s, contactId: s.contactId === null ? null : mapId(s.contactId) })),
    scores: data.scores?.map((s) => ({ ...s, contactId: mapId(s.contactId) })),
  };
  const iso = (date: Date | null) => date?.toISOString() ?? null;

  if (result.contacts.length) {
    const rows = result.contacts.map((c) => ({
      id: c.id,
      email: c.email,
      external_id: c.externalId,
      first_name: c.firstName,
      last_name: c.lastName,
      phone: c.phone,
      locale: c.locale,
      time_zone: c.timeZone,
      country: c.country,
      region: c.region,
      city: c.city,
      attributes: c.attributes,
      created_at: iso(c.createdAt),
      first_seen_at: iso(c.firstSeenAt),
      last_seen_at: iso(c.lastSeenAt),
    }));
    await db.$executeRaw`
      insert into contact (id, workspace_id, email, external_id, first_name, last_name, phone, locale, time_zone, country, region, city,
        attributes, created_at, first_seen_at, last_seen_at)
      select x.id, ${workspaceId}::uuid, x.email, x.external_id, x.first_name, x.last_name, x.phone, x.locale, x.time_zone, x.country,
        x.region, x.city, x.attributes, x.created_at, x.first_seen_at, x.last_seen_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, email text, external_id text, first_name text, last_name text,
        phone text, locale text, time_zone text, country text, region text, city text, attributes jsonb, created_at timestamptz,
        first_seen_at timestamptz, last_seen_at timestamptz)`;
  }
  await insertAudienceEvents(db, workspaceId, result.events);
  if (result.consents.length) {
    await db.$executeRaw`
      insert into contact_consent (contact_id, purpose, workspace_id, state, source)
      select x."contactId", x.purpose::"ConsentPurpose", ${workspaceId}::uuid, x.state::"ConsentState", 'import'
      from jsonb_to_recordset(${JSON.stringify(result.consents)}::jsonb) as x("contactId" bigint, purpose text, state text)`;
  }
  if (result.suppressions.length) {
    await db.$executeRaw`
      insert into suppression (workspace_id, email, contact_id, reason)
      select ${workspaceId}::uuid, x.email, x."contactId", x.reason::"SuppressionReason"
      from jsonb_to_recordset(${JSON.stringify(result.suppressions)}::jsonb) as x("contactId" bigint, email text, reason text)`;
  }
  if (result.scores?.length) await insertScores(db, workspaceId, result.scores);
  return result;
}

/** Events of contacts already inserted (ids as Postgres gave them), in one statement; `first` numbers their message ids. */
export async function insertAudienceEvents(db: Db, workspaceId: string, events: ReferenceData["events"], first = 0): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e, i) => ({
    contact_id: e.contactId,
    name: e.name,
    properties: e.properties,
    revenue: e.revenue,
    occurred_at: e.occurredAt.toISOString(),
    message_id: `seg-${workspaceId}-${first + i}`,
  }));
  await db.$executeRaw`
    insert into event (workspace_id, contact_id, type, name, properties, revenue, occurred_at, message_id, source)
    select ${workspaceId}::uuid, x.contact_id, 'track', x.name, x.properties, x.revenue, x.occurred_at, x.message_id, 'seed'
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(contact_id bigint, name text, properties jsonb, revenue float8,
      occurred_at timestamptz, message_id text)`;
}

/** A scored contact has a contact_score row (its run's figures) and a contact_feature row (orders, spend, last purchase). */
async function insertScores(db: Db, workspaceId: string, scores: NonNullable<ReferenceData["scores"]>) {
  const rows = scores.map((s) => ({
    contact_id: s.contactId,
    rfm_segment: s.rfm_segment ?? null,
    propensity: s.propensity ?? null,
    churn_risk: s.churn_risk ?? null,
    cluster: s.cluster ?? null,
    predicted_clv: s.predicted_clv ?? null,
    total_spend: s.total_spend ?? 0,
    orders: s.orders ?? 0,
    last_purchase_at: s.last_purchase_at instanceof Date ? s.last_purchase_at.toISOString() : null,
  }));
  const json = JSON.stringify(rows);
  await db.$executeRaw`
    insert into contact_score (contact_id, workspace_id, run_id, computed_at, rfm_segment, propensity_30d, churn_risk, cluster_label, predicted_clv)
    select x.contact_id, ${workspaceId}::uuid, gen_random_uuid(), now(), x.rfm_segment, x.propensity, x.churn_risk, x.cluster, x.predicted_clv
    from jsonb_to_recordset(${json}::jsonb) as x(contact_id bigint, rfm_segment text, propensity float8, churn_risk float8, cluster text, predicted_clv float8)`;
  await db.$executeRaw`
    insert into contact_feature (contact_id, workspace_id, computed_at, monetary_total, orders, last_purchase_at)
    select x.contact_id, ${workspaceId}::uuid, now(), x.total_spend, x.orders, x.last_purchase_at
    from jsonb_to_recordset(${json}::jsonb) as x(contact_id bigint, total_spend float8, orders int, last_purchase_at timestamptz)`;
}

/** A contact for reference data: every field empty unless given. */
export function referenceContact(id: string, fields: Partial<ReferenceData["contacts"][number]> = {}): ReferenceData["contacts"][number] {
  return {
    id,
    email: null,
    externalId: null,
    firstName: null,
    lastName: null,
    phone: null,
    locale: null,
    timeZone: null,
    country: null,
    region: null,
    city: null,
    attributes: {},
    createdAt: new Date("2026-01-01T00:00:00Z"),
    firstSeenAt: null,
    lastSeenAt: null,
    ...fields,
  };
}
