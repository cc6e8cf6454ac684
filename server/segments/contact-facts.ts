/*
 * contact_facts holds, one narrow row per contact, what segments test on nearly every contact:
 * the country lower-cased, the consent state of each purpose, and the reasons the contact is
 * suppressed (by id or by address) as bits. A segment that combines these with sets of contacts
 * from the events is counted from these rows (compile-sets.ts) rather than from `contact` joined
 * to contact_consent and suppression: 65 bytes a row instead of 300 and no lower() per contact.
 *
 * Triggers on contact, contact_consent and suppression keep it exact in the writing transaction
 * (migration 20261129100000_contact_facts). Loads that write with triggers off rebuild it.
 */

type Client = { query: (text: string, values?: unknown[]) => Promise<unknown> };

/** Recomputes the facts of every contact of a workspace, for bulk loads (the seed writes with triggers off). */
export async function rebuildContactFacts(client: Client, workspaceId: string): Promise<void> {
  await client.query("select contact_facts_rebuild($1::uuid)", [workspaceId]);
}
