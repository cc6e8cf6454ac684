import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { ConcurrentChangeError } from "./sql-errors";

/**
 * Merges contact `fromId` into `intoId` (same workspace): its events, aliases, consent history
 * and suppressions move over, empty profile fields of the target are filled from it, its
 * attributes are kept where the target has none, and the merged contact is deleted.
 * Runs inside the caller's transaction, so a failure leaves both contacts as they were.
 */
export async function mergeContactInto(tx: Prisma.TransactionClient, workspaceId: string, fromId: bigint, intoId: bigint): Promise<void> {
  // Locked first: an event being written for the merged contact meanwhile (its foreign key
  // check holds a share lock) either commits before this, and is moved below, or waits and
  // then fails on the deleted contact. Without the lock, the delete's cascade would take an
  // event committed between the move and the delete with it.
  const locked = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM contact WHERE id = ${fromId} AND workspace_id = ${workspaceId}::uuid FOR UPDATE`;
  // Merged away by a concurrent batch since it was looked up: that batch's result stands.
  if (locked.length === 0) throw new ConcurrentChangeError(`contact ${fromId} was merged or deleted concurrently`);
  // One statement for the profile and every table that points at a contact: a merge is
  // frequent on busy sites (every anonymous visitor who signs in), and each round trip counts.
  const [profile] = await tx.$queryRaw<{ updated: bigint }[]>`
    WITH profile AS (
      UPDATE contact AS i SET
        first_name = coalesce(i.first_name, f.first_name),
        last_name = coalesce(i.last_name, f.last_name),
        phone = coalesce(i.phone, f.phone),
        locale = coalesce(i.locale, f.locale),
        time_zone = coalesce(i.time_zone, f.time_zone),
        country = coalesce(i.country, f.country),
        region = coalesce(i.region, f.region),
        city = coalesce(i.city, f.city),
        attributes = f.attributes || i.attributes,
        first_seen_at = least(i.first_seen_at, f.first_seen_at),
        last_seen_at = greatest(i.last_seen_at, f.last_seen_at),
        updated_at = now()
      FROM contact AS f
      WHERE i.id = ${intoId} AND f.id = ${fromId} AND i.workspace_id = ${workspaceId}::uuid AND f.workspace_id = ${workspaceId}::uuid
      RETURNING i.id
    ),
    events AS (UPDATE event SET contact_id = ${intoId} WHERE contact_id = ${fromId}),
    aliases AS (UPDATE contact_alias SET contact_id = ${intoId} WHERE contact_id = ${fromId}),
    consent_history AS (UPDATE consent_record SET contact_id = ${intoId} WHERE contact_id = ${fromId}),
    suppressions AS (UPDATE suppression SET contact_id = ${intoId} WHERE contact_id = ${fromId}),
    -- The target's own consent state wins; the merged contact's fills purposes it has none for.
    consent AS (
      UPDATE contact_consent SET contact_id = ${intoId}
      WHERE contact_id = ${fromId} AND purpose NOT IN (SELECT purpose FROM contact_consent WHERE contact_id = ${intoId})
    )
    SELECT count(*) AS updated FROM profile`;
  if (!profile || profile.updated === 0n) throw new Error(`Cannot merge contact ${fromId} into ${intoId}: not both in workspace ${workspaceId}`);
  await tx.$executeRaw`DELETE FROM contact WHERE id = ${fromId} AND workspace_id = ${workspaceId}::uuid`;
}

/** mergeContactInto in a transaction of its own. */
export function mergeContacts(db: Db, workspaceId: string, fromId: bigint, intoId: bigint): Promise<void> {
  return db.$transaction((tx) => mergeContactInto(tx, workspaceId, fromId, intoId));
}
