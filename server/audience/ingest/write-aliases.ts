import type { Db } from "../../db/client";
import type { ContactRef, IdentityPlan } from "./identity-plan";
import { mergeContacts } from "./merge-contacts";
import { ConcurrentChangeError } from "./sql-errors";

type AliasRow = { anonymous_id: string; contact_id: string };

/**
 * Adds and moves the batch's aliases. An alias a concurrent batch created a moment ago wins:
 * a contact this batch created only for that anonymous id is dropped and its messages go to
 * the winner's contact; a known contact takes the alias over, merging the winner's contact
 * into it when that one is anonymous (as the plan would have, had it seen the alias).
 * `ids` is updated in place for contacts that were dropped; they are returned, so that what
 * the batch knows about them is written to the winner's contact.
 */
export async function writeAliases(
  db: Db,
  workspaceId: string,
  plan: IdentityPlan,
  ids: Map<ContactRef, bigint>,
  idOf: (ref: ContactRef) => bigint,
): Promise<ContactRef[]> {
  let dropped: ContactRef[] = [];
  if (plan.aliasesToAdd.length > 0) {
    const rows: AliasRow[] = plan.aliasesToAdd.map((alias) => ({ anonymous_id: alias.anonymousId, contact_id: idOf(alias.contact).toString() }));
    const added = await db.$queryRaw<{ anonymous_id: string }[]>`
      INSERT INTO contact_alias (workspace_id, anonymous_id, contact_id)
      SELECT ${workspaceId}::uuid, x.anonymous_id, x.contact_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(anonymous_id text, contact_id bigint)
      ORDER BY x.anonymous_id
      ON CONFLICT DO NOTHING
      RETURNING anonymous_id`;
    if (added.length < rows.length) {
      const addedIds = new Set(added.map((row) => row.anonymous_id));
      dropped = await settleLostAliases(db, workspaceId, plan.aliasesToAdd.filter((alias) => !addedIds.has(alias.anonymousId)), ids, idOf);
    }
  }
  if (plan.aliasesToMove.length > 0) {
    const rows: AliasRow[] = plan.aliasesToMove.map((alias) => ({ anonymous_id: alias.anonymousId, contact_id: idOf(alias.contact).toString() }));
    await db.$executeRaw`
      UPDATE contact_alias AS a SET contact_id = x.contact_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(anonymous_id text, contact_id bigint)
      WHERE a.workspace_id = ${workspaceId}::uuid AND a.anonymous_id = x.anonymous_id`;
  }
  return dropped;
}

async function settleLostAliases(
  db: Db,
  workspaceId: string,
  lost: IdentityPlan["aliasesToAdd"],
  ids: Map<ContactRef, bigint>,
  idOf: (ref: ContactRef) => bigint,
): Promise<ContactRef[]> {
  type Winner = { anonymous_id: string; contact_id: bigint; anonymous: boolean };
  const winners = await db.$queryRaw<Winner[]>`
    SELECT a.anonymous_id, a.contact_id, (c.external_id IS NULL AND c.email IS NULL) AS anonymous
    FROM contact_alias AS a JOIN contact AS c ON c.id = a.contact_id
    WHERE a.workspace_id = ${workspaceId}::uuid AND a.anonymous_id = ANY(${lost.map((alias) => alias.anonymousId)}::text[])`;
  const winnerOf = new Map(winners.map((winner) => [winner.anonymous_id, winner]));
  const dropped: ContactRef[] = [];
  const droppedIds: bigint[] = [];
  for (const alias of lost) {
    const winner = winnerOf.get(alias.anonymousId);
    const ours = idOf(alias.contact);
    // The alias vanished again (merged or moved meanwhile): a retry of the batch sorts it out.
    if (!winner) throw new ConcurrentChangeError(`alias ${alias.anonymousId} was taken and released concurrently`);
    if (winner.contact_id === ours) continue;
    if (alias.contact.isNew && alias.contact.isAnonymous) {
      dropped.push(alias.contact);
      droppedIds.push(ours);
      ids.set(alias.contact, winner.contact_id);
    } else if (winner.anonymous) {
      await mergeContacts(db, workspaceId, winner.contact_id, ours);
    } else {
      await db.$executeRaw`UPDATE contact_alias SET contact_id = ${ours} WHERE workspace_id = ${workspaceId}::uuid AND anonymous_id = ${alias.anonymousId}`;
    }
  }
  if (droppedIds.length > 0) await db.$executeRaw`DELETE FROM contact WHERE workspace_id = ${workspaceId}::uuid AND id = ANY(${droppedIds}::bigint[])`;
  return dropped;
}
