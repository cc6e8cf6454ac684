import { Prisma } from "../db/generated/client";

/*
 * A node of a definition compiles to one of two forms:
 * - ids:  a statement selecting a column `contact_id` — the contacts of the workspace that match,
 *         read straight from the rows that name them (events, consents, suppressions), which all
 *         carry the workspace of their contact;
 * - test: a boolean over the row of `contact c`, for what only the contact row can answer
 *         (attributes, scores) and for the negative forms (anti-joins).
 * Keeping sets as sets lets Postgres combine them set-wise: an OR of event conditions becomes
 * one semi-join on the union of their sets (not three hashed subplans probed for each of a
 * million contacts), and a segment made of sets alone is counted without reading `contact`.
 */
export type Compiled = { kind: "ids"; sql: Prisma.Sql; distinct: boolean } | { kind: "test"; sql: Prisma.Sql };

export const idSet = (sql: Prisma.Sql, distinct: boolean): Compiled => ({ kind: "ids", sql, distinct });
export const rowTest = (sql: Prisma.Sql): Compiled => ({ kind: "test", sql });

/** The node as a boolean over `contact c`. */
export function asRowTest(node: Compiled): Prisma.Sql {
  return node.kind === "test" ? node.sql : Prisma.sql`c.id in (${node.sql})`;
}

/** AND: the intersection when every part is a set (semi-joins the planner may reorder), else a test. */
export function allOf(parts: Compiled[]): Compiled {
  if (parts.length === 1) return parts[0]!;
  const [first, ...rest] = parts;
  if (first!.kind === "ids" && rest.every((part) => part.kind === "ids")) {
    const within = rest.map((part) => Prisma.sql`m.contact_id in (${part.sql})`);
    return idSet(Prisma.sql`select m.contact_id from (${first!.sql}) m where ${Prisma.join(within, " and ")}`, first!.distinct);
  }
  return rowTest(Prisma.sql`(${Prisma.join(parts.map(asRowTest), " and ")})`);
}

/**
 * OR: the union when every part is a set, else a test. UNION rather than UNION ALL: Postgres
 * knows its output distinct and estimates its size from its parts, whereas it would guess 200
 * distinct ids in a UNION ALL and probe contacts one by one for what may be a hundred thousand.
 */
export function anyOf(parts: Compiled[]): Compiled {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((part) => part.kind === "ids")) {
    return idSet(Prisma.join(parts.map((part) => part.sql), " union "), true);
  }
  return rowTest(Prisma.sql`(${Prisma.join(parts.map(asRowTest), " or ")})`);
}

/** The matching contacts as a statement selecting each id once, in a column `id`. */
export function distinctIdsSql(node: Compiled, workspaceId: string): Prisma.Sql {
  if (node.kind === "test") return Prisma.sql`select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and ${node.sql}`;
  if (node.distinct) return Prisma.sql`select m.contact_id as id from (${node.sql}) m`;
  return Prisma.sql`select m.contact_id as id from (${node.sql}) m group by m.contact_id`;
}
