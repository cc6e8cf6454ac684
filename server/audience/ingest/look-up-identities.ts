import type { Db } from "../../db/client";
import type { KnownAlias, KnownContact } from "./identity-plan";
import type { IngestMessage } from "./normalize-message";

/** When a stored contact was first and last seen, to tell whether a batch moves either. */
export type StoredSeen = { firstSeenAt: Date | null; lastSeenAt: Date | null };

/** The contacts and aliases a batch refers to, by external id, email and anonymous id: one query. */
export async function lookUpIdentities(
  db: Db,
  workspaceId: string,
  messages: IngestMessage[],
): Promise<{ contacts: KnownContact[]; aliases: KnownAlias[]; seen: Map<bigint, StoredSeen> }> {
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  const anonymousIds = new Set<string>();
  for (const message of messages) {
    if (message.userId) externalIds.add(message.userId);
    if (message.email) emails.add(message.email);
    if (message.anonymousId) anonymousIds.add(message.anonymousId);
  }
  type Row = { id: bigint; external_id: string | null; email: string | null; first_seen_at: Date | null; last_seen_at: Date | null; anonymous_id: string | null };
  const rows = await db.$queryRaw<Row[]>`
    SELECT id, external_id, email, first_seen_at, last_seen_at, NULL::text AS anonymous_id FROM contact
    WHERE workspace_id = ${workspaceId}::uuid AND (external_id = ANY(${[...externalIds]}::text[]) OR email = ANY(${[...emails]}::text[]))
    UNION ALL
    SELECT c.id, c.external_id, c.email, c.first_seen_at, c.last_seen_at, a.anonymous_id FROM contact_alias AS a JOIN contact AS c ON c.id = a.contact_id
    WHERE a.workspace_id = ${workspaceId}::uuid AND a.anonymous_id = ANY(${[...anonymousIds]}::text[])`;
  return {
    contacts: rows.map((row) => ({ id: row.id, externalId: row.external_id, email: row.email })),
    aliases: rows.filter((row) => row.anonymous_id !== null).map((row) => ({ anonymousId: row.anonymous_id!, contactId: row.id })),
    seen: new Map(rows.map((row) => [row.id, { firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at }])),
  };
}
