import { Prisma } from "../../db/generated/client";
import type { ContactFilters } from "./schemas";
import { contactSearchSql, type SearchStrategy } from "../search";

/**
 * Whether contact `c` is suppressed, by its id or its address. Written as IN over the
 * workspace's suppressions so that Postgres hashes them once per query instead of probing per row.
 */
export function suppressedSql(workspaceId: string): Prisma.Sql {
  return Prisma.sql`(
    c.id in (select s.contact_id from suppression s where s.workspace_id = ${workspaceId}::uuid and s.contact_id is not null)
    or coalesce(c.email in (select s.email from suppression s where s.workspace_id = ${workspaceId}::uuid), false)
  )`;
}

/** The WHERE conditions for a workspace's contacts matching the filters, `c` being the contact. */
export function contactFilterConditions(workspaceId: string, filters: ContactFilters, searchStrategy: SearchStrategy = "join"): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.workspace_id = ${workspaceId}::uuid`];
  if (filters.search) conditions.push(contactSearchSql(workspaceId, filters.search, searchStrategy));
  if (filters.hasEmail === "yes") conditions.push(Prisma.sql`c.email is not null`);
  if (filters.hasEmail === "no") conditions.push(Prisma.sql`c.email is null`);
  if (filters.country) conditions.push(Prisma.sql`lower(c.country) = ${filters.country.toLowerCase()}`);
  if (filters.emailConsent === "none") {
    conditions.push(
      Prisma.sql`not exists (select 1 from contact_consent cc where cc.contact_id = c.id and cc.purpose = 'email_marketing')`,
    );
  } else if (filters.emailConsent) {
    conditions.push(
      Prisma.sql`exists (select 1 from contact_consent cc where cc.contact_id = c.id and cc.purpose = 'email_marketing' and cc.state = ${filters.emailConsent}::"ConsentState")`,
    );
  }
  if (filters.suppressed === "yes") {
    // Driven from the (few) suppressions, so that Postgres need not test every contact.
    conditions.push(Prisma.sql`c.id in (
      select s.contact_id from suppression s where s.workspace_id = ${workspaceId}::uuid and s.contact_id is not null
      union
      select sc.id from suppression s join contact sc on sc.workspace_id = s.workspace_id and sc.email = s.email
      where s.workspace_id = ${workspaceId}::uuid
    )`);
  }
  if (filters.suppressed === "no") conditions.push(Prisma.sql`not ${suppressedSql(workspaceId)}`);
  return conditions;
}
