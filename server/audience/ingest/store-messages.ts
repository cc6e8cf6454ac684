import type { Db } from "../../db/client";
import { contactChanges, mayChangeContact } from "./contact-changes";
import { planIdentities, type ContactRef } from "./identity-plan";
import { lookUpIdentities } from "./look-up-identities";
import { mergeContacts } from "./merge-contacts";
import type { IngestMessage } from "./normalize-message";
import { isDataError, isRetryableConflict } from "./sql-errors";
import { writeAliases } from "./write-aliases";
import { insertEvents, type EventSource } from "./write-events";
import { insertAnonymousContacts, insertKeyedContacts, updateContacts } from "./write-contacts";

export type StoreResult = {
  /** Events written now. */
  stored: number;
  /** Messages whose messageId was stored before: accepted, not written twice. */
  duplicates: number;
  /** Messages Postgres refused (e.g. a NUL character in a property), by their position in `messages`. */
  failed: { position: number; reason: string }[];
};

const MAX_ATTEMPTS = 8;

/**
 * Stores a batch of validated messages in a few set-wise statements: look up who the messages
 * are about, create the new people, add aliases, merge anonymous visitors who identified
 * (a transaction per merge), update profiles, write the events.
 *
 * Each step is a statement of its own rather than one transaction for the batch: concurrent
 * batches meet the same people all the time (the same visitor's events arrive in consecutive
 * batches), and a row or key one statement writes is then waited on only while that
 * statement runs, not until a whole batch commits. Races are settled inside the statements
 * (ON CONFLICT); what remains (a deadlock, a contact merged away meanwhile) runs the batch
 * again from what the other batch committed. Every step is idempotent and events are keyed by
 * messageId, so a batch interrupted halfway loses nothing: the client's retry completes it.
 */
export async function storeMessages(db: Db, workspaceId: string, messages: IngestMessage[], receivedAt: Date, source: EventSource = "api"): Promise<StoreResult> {
  if (messages.length === 0) return { stored: 0, duplicates: 0, failed: [] };
  try {
    const stored = await withRetries(async () => {
      const contactIds = await resolveContacts(db, workspaceId, messages);
      // Mostly a merge that was in flight while the events were written: once it committed,
      // the events follow their anonymous id to the merged contact, so only this step repeats.
      return withRetries(() => insertEvents(db, workspaceId, messages, contactIds, receivedAt, source));
    });
    return { stored, duplicates: messages.length - stored, failed: [] };
  } catch (error) {
    if (!isDataError(error) || messages.length === 1) throw error;
  }
  // A value Postgres cannot store sank the batch: store one by one, so only that message fails.
  const result: StoreResult = { stored: 0, duplicates: 0, failed: [] };
  for (const [position, message] of messages.entries()) {
    try {
      const stored = await storeMessages(db, workspaceId, [message], receivedAt, source);
      result.stored += stored.stored;
      result.duplicates += stored.duplicates;
    } catch (error) {
      if (!isDataError(error)) throw error;
      result.failed.push({ position, reason: "could not be stored: it contains a value Postgres does not accept (such as a \\u0000 character)" });
    }
  }
  return result;
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableConflict(error) || round >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * round));
    }
  }
}

/** The contact id of each message, after creating, merging and updating contacts and aliases. */
async function resolveContacts(db: Db, workspaceId: string, messages: IngestMessage[]): Promise<bigint[]> {
  const { contacts, aliases, seen } = await lookUpIdentities(db, workspaceId, messages);
  const plan = planIdentities(messages, contacts, aliases);
  const { inserts, updates } = contactChanges(messages, plan);
  const ids = new Map<ContactRef, bigint>();
  const idOf = (ref: ContactRef): bigint => ref.existingId ?? ids.get(ref)!;

  const { raced } = await insertKeyedContacts(db, workspaceId, inserts, ids);
  const anonymous = inserts.filter((change) => change.ref.isAnonymous);
  await insertAnonymousContacts(db, workspaceId, anonymous, ids);
  const dropped = new Set(await writeAliases(db, workspaceId, plan, ids, idOf));
  for (const merge of plan.merges) await mergeContacts(db, workspaceId, merge.fromId, idOf(merge.into));
  const droppedChanges = anonymous.filter((change) => dropped.has(change.ref));
  const changing = updates.filter((change) => mayChangeContact(change.row, seen.get(change.ref.existingId!)));
  await updateContacts(db, workspaceId, [...changing, ...raced, ...droppedChanges], idOf);
  return plan.contactOf.map(idOf);
}
