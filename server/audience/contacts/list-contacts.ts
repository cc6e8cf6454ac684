import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { countMatchesSql, type SearchStrategy, WALK_FROM_MATCHES } from "../search";
import { decodeContactCursor, encodeContactCursor, type ContactCursor } from "./cursor";
import { contactFilterConditions, suppressedSql } from "./filters-sql";
import type { ContactFilters, ContactSort, ListContactsInput } from "./schemas";

export type ContactListRow = {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  city: string | null;
  lastSeenAt: Date | null;
  createdAt: Date;
  emailConsent: "granted" | "withdrawn" | "denied" | null;
  suppressed: boolean;
};

type RawRow = {
  id: bigint;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  city: string | null;
  last_seen_at: Date | null;
  created_at: Date;
  email_consent: ContactListRow["emailConsent"];
  suppressed: boolean;
};

// Each sort walks an index of contact ((workspace_id, last_seen_at desc), (workspace_id,
// created_at desc), (workspace_id, email)); the id breaks ties. Rows without a value come last.
const SORTS: Record<ContactSort, { column: Prisma.Sql; descending: boolean; kind: "time" | "text"; nullable: boolean }> = {
  last_seen: { column: Prisma.sql`c.last_seen_at`, descending: true, kind: "time", nullable: true },
  created: { column: Prisma.sql`c.created_at`, descending: true, kind: "time", nullable: false },
  email: { column: Prisma.sql`c.email`, descending: false, kind: "text", nullable: true },
};

/** Counting stops here: "10,000+" is as useful as an exact figure and stays fast at a million. */
export const CONTACT_COUNT_CAP = 10_000;

function selectContacts(workspaceId: string, conditions: Prisma.Sql[], orderBy: Prisma.Sql, limit: number, strategy: SearchStrategy) {
  // Walking: the page's ids first (the inner c, index-only where the conditions allow), then their rows.
  const where =
    strategy === "walk"
      ? Prisma.sql`c.id in (select c.id from contact c where ${Prisma.join(conditions, " and ")} order by ${orderBy} limit ${limit})`
      : Prisma.join(conditions, " and ");
  return Prisma.sql`
    select c.id, c.email, c.first_name, c.last_name, c.country, c.city, c.last_seen_at, c.created_at,
      (select cc.state from contact_consent cc where cc.contact_id = c.id and cc.purpose = 'email_marketing') as email_consent,
      ${suppressedSql(workspaceId)} as suppressed
    from contact c
    where ${where}
    order by ${orderBy}
    limit ${limit}`;
}

/** Walk the sort index when a search matches many contacts, else fetch the matches and sort them. */
async function searchStrategy(db: Db, workspaceId: string, search: string | undefined): Promise<SearchStrategy> {
  if (!search) return "join";
  const [row] = await db.$queryRaw<{ count: number }[]>(countMatchesSql(workspaceId, search, WALK_FROM_MATCHES));
  return (row?.count ?? 0) >= WALK_FROM_MATCHES ? "walk" : "join";
}

/**
 * One page of a workspace's contacts, keyset-paginated: no OFFSET and no count, so page 2,000
 * costs what page 1 costs. Walks the rows with a sort value first, then those without.
 */
export async function listContacts(db: Db, workspaceId: string, input: ListContactsInput) {
  const sort = SORTS[input.sort];
  const cursor = input.cursor ? decodeContactCursor(input.cursor, input.sort) : null;
  const strategy = await searchStrategy(db, workspaceId, input.search);
  const base = contactFilterConditions(workspaceId, input, strategy);
  const direction = sort.descending ? Prisma.sql`desc` : Prisma.sql`asc`;
  const beyond = sort.descending ? Prisma.sql`<` : Prisma.sql`>`;
  const want = input.limit + 1;
  const rows: RawRow[] = [];

  if (!cursor || cursor.value !== null) {
    const conditions = [...base, Prisma.sql`${sort.column} is not null`];
    if (cursor?.value != null) {
      const value = sort.kind === "time" ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor.value}`;
      // Written so that the first comparison can bound the index scan.
      conditions.push(
        Prisma.sql`${sort.column} ${beyond}= ${value} and (${sort.column} ${beyond} ${value} or c.id ${beyond} ${BigInt(cursor.id)})`,
      );
    }
    rows.push(
      ...(await db.$queryRaw<RawRow[]>(
        selectContacts(workspaceId, conditions, Prisma.sql`${sort.column} ${direction}, c.id ${direction}`, want, strategy),
      )),
    );
  }
  if (sort.nullable && rows.length < want) {
    const conditions = [...base, Prisma.sql`${sort.column} is null`];
    if (cursor?.value === null) conditions.push(Prisma.sql`c.id ${beyond} ${BigInt(cursor.id)}`);
    rows.push(
      ...(await db.$queryRaw<RawRow[]>(
        selectContacts(workspaceId, conditions, Prisma.sql`c.id ${direction}`, want - rows.length, strategy),
      )),
    );
  }

  const page = rows.slice(0, input.limit).map(toListRow);
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { rows: page, nextCursor: last ? encodeContactCursor(cursorAfter(input.sort, last)) : null };
}

function cursorAfter(sort: ContactSort, row: RawRow): ContactCursor {
  const raw = { last_seen: row.last_seen_at, created: row.created_at, email: row.email }[sort];
  const value = raw instanceof Date ? raw.toISOString() : raw;
  return { sort, value, id: row.id.toString() };
}

function toListRow(row: RawRow): ContactListRow {
  return {
    id: row.id.toString(),
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    country: row.country,
    city: row.city,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
    emailConsent: row.email_consent,
    suppressed: row.suppressed,
  };
}

/** How many contacts match, counted up to CONTACT_COUNT_CAP + 1. */
export async function countContacts(db: Db, workspaceId: string, filters: ContactFilters) {
  const searchOnly = filters.search && !filters.hasEmail && !filters.emailConsent && !filters.country && !filters.suppressed;
  const conditions = contactFilterConditions(workspaceId, filters);
  const [row] = await db.$queryRaw<{ count: number }[]>(
    searchOnly
      ? countMatchesSql(workspaceId, filters.search!, CONTACT_COUNT_CAP + 1)
      : Prisma.sql`
          select count(*)::int as count
          from (select 1 from contact c where ${Prisma.join(conditions, " and ")} limit ${CONTACT_COUNT_CAP + 1}) matching`,
  );
  const count = row?.count ?? 0;
  return { count: Math.min(count, CONTACT_COUNT_CAP), capped: count > CONTACT_COUNT_CAP };
}
