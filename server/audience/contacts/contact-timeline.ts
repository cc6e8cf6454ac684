import type { Db } from "../../db/client";
import { findContactOrThrow } from "./find-contact";

/** "<occurred_at ISO>_<id>": where a timeline page ends. */
export function encodeTimelineCursor(occurredAt: Date, id: bigint): string {
  return `${occurredAt.toISOString()}_${id}`;
}

export function decodeTimelineCursor(cursor: string): { occurredAt: Date; id: bigint } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,18})$/.exec(cursor);
  if (!match) return null;
  const occurredAt = new Date(match[1]!);
  return Number.isNaN(occurredAt.getTime()) ? null : { occurredAt, id: BigInt(match[2]!) };
}

/**
 * A contact's events, newest first, keyset-paginated on (occurred_at, id) along
 * event_contact_id_occurred_at_idx.
 */
export async function contactTimeline(
  db: Db,
  workspaceId: string,
  input: { contactId: string; cursor?: string | null; limit: number },
) {
  const contact = await findContactOrThrow(db, workspaceId, input.contactId);
  const after = input.cursor ? decodeTimelineCursor(input.cursor) : null;
  const events = await db.event.findMany({
    where: {
      contactId: contact.id,
      workspaceId,
      ...(after
        ? { occurredAt: { lte: after.occurredAt }, OR: [{ occurredAt: { lt: after.occurredAt } }, { id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = events.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    events: page.map((event) => ({
      id: event.id.toString(),
      type: event.type,
      name: event.name,
      occurredAt: event.occurredAt,
      revenue: event.revenue,
      properties: event.properties,
    })),
    nextCursor: events.length > input.limit && last ? encodeTimelineCursor(last.occurredAt, last.id) : null,
  };
}
