import { Prisma } from "../../db/generated/client";

/**
 * The text a contact search matches for contact `alias`, in SQL: lower-cased email and names.
 * One definition for the indexer, the seed generator and the search over not-yet-indexed contacts.
 */
export function contactSearchTextSql(alias: string): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return `lower(coalesce(${alias}.email, '') || ' ' || coalesce(${alias}.first_name, '') || ' ' || coalesce(${alias}.last_name, ''))`;
}

/**
 * The LIKE pattern for a contact search: the text lower-cased, with LIKE's own wildcards and
 * its escape character escaped, so that "50%_off" finds exactly that text.
 */
export function containsPattern(text: string): string {
  const escaped = text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`);
  return `%${escaped}%`;
}

/**
 * How a search is matched. `join`: the trigram index finds the (few) matching contacts, which
 * are then sorted. `walk`: the list's sort index is walked and each contact's text probed, which
 * stops after a page when many contacts match (sorting thousands of matches would not).
 */
export type SearchStrategy = "join" | "walk";

/** From this many matches on, walking the sort index beats fetching and sorting the matches. */
export const WALK_FROM_MATCHES = 4_000;

/** The ids of a workspace's contacts matching a search, indexed and still queued ones (disjoint). */
function matchingIdsSql(workspaceId: string, pattern: string): Prisma.Sql {
  return Prisma.sql`
    select cs.contact_id from contact_search cs
    where cs.workspace_id = ${workspaceId}::uuid and cs.text like ${pattern}
      and not exists (select 1 from contact_search_queue sq where sq.contact_id = cs.contact_id)
    union all
    ${queuedMatchingIdsSql(workspaceId, pattern)}`;
}

/** Contacts queued for the indexer (new or renamed since it last ran) match on their live values. */
function queuedMatchingIdsSql(workspaceId: string, pattern: string): Prisma.Sql {
  return Prisma.sql`
    select sq.contact_id from contact_search_queue sq join contact qc on qc.id = sq.contact_id
    where sq.workspace_id = ${workspaceId}::uuid and ${Prisma.raw(contactSearchTextSql("qc"))} like ${pattern}`;
}

/** How many contacts match, counted up to `cap`: the trigram index alone, no contact rows read. */
export function countMatchesSql(workspaceId: string, search: string, cap: number): Prisma.Sql {
  return Prisma.sql`select count(*)::int as count from (${matchingIdsSql(workspaceId, containsPattern(search))} limit ${cap}) matching`;
}

/**
 * Whether contact `c` matches a search. Indexed contacts are matched on contact_search; those
 * still queued for the indexer on their live values, so results are exact while it catches up.
 * The `walk` form reads only c.id, so that the sort index can be walked index-only.
 */
export function contactSearchSql(workspaceId: string, search: string, strategy: SearchStrategy = "join"): Prisma.Sql {
  const pattern = containsPattern(search);
  if (strategy === "join") return Prisma.sql`c.id in (${matchingIdsSql(workspaceId, pattern)})`;
  return Prisma.sql`(
    coalesce((select cs.text like ${pattern} from contact_search cs
              where cs.contact_id = c.id and not exists (select 1 from contact_search_queue sq where sq.contact_id = c.id)), false)
    or c.id in (${queuedMatchingIdsSql(workspaceId, pattern)})
  )`;
}
