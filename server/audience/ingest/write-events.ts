import type { Db } from "../../db/client";
import type { IngestMessage } from "./normalize-message";

/** Event sources: the ingest API here, CSV imports and demo data elsewhere. */
export type EventSource = "api" | "import" | "seed";

/**
 * Writes the events of a batch in one statement; a messageId stored before (a client
 * retrying) is skipped, not written twice. Returns how many were written.
 *
 * A concurrent batch may have merged an anonymous contact of this batch into a known one
 * since it was resolved; its alias moved along, so such events follow the anonymous id to the
 * contact it belongs to now instead of failing on the deleted contact.
 */
export async function insertEvents(db: Db, workspaceId: string, messages: IngestMessage[], contactIds: bigint[], receivedAt: Date, source: EventSource): Promise<number> {
  const events = messages.map((message, index) => ({
    contact_id: contactIds[index]!.toString(),
    anonymous_id: message.anonymousId,
    type: message.type,
    name: message.name,
    properties: message.properties,
    revenue: message.revenue,
    occurred_at: message.occurredAt.toISOString(),
    message_id: message.messageId,
    timestamp_adjusted: message.timestampAdjusted,
  }));
  return db.$executeRaw`
    INSERT INTO event (workspace_id, contact_id, type, name, properties, revenue, occurred_at, received_at, message_id, source, timestamp_adjusted)
    SELECT ${workspaceId}::uuid,
           coalesce(
             (SELECT c.id FROM contact AS c WHERE c.id = x.contact_id),
             (SELECT a.contact_id FROM contact_alias AS a WHERE a.workspace_id = ${workspaceId}::uuid AND a.anonymous_id = x.anonymous_id)),
           x.type, x.name, coalesce(x.properties, '{}'::jsonb), x.revenue, x.occurred_at, ${receivedAt}, x.message_id, ${source}, x.timestamp_adjusted
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
      AS x(contact_id bigint, anonymous_id text, type text, name text, properties jsonb, revenue double precision, occurred_at timestamptz, message_id text, timestamp_adjusted boolean)
    ON CONFLICT (workspace_id, message_id) DO NOTHING`;
}
