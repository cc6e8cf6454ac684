import { Prisma } from "../db/generated/client";

/*
 * A node of a definition compiles to one of four forms:
 * - ids:   a statement selecting a column `contact_id` — the contacts of the workspace that match,
 *          read straight from the rows that name them (events, scores), which all carry the
 *          workspace of their contact;
 * - facts: a boolean over `contact_facts f`, the narrow row per contact holding the country,
 *          consent states and suppressions (see contact-facts.ts);
 * - test:  a boolean over `contact c`, for what only the contact row can answer (attributes) and
 *          for the negative forms (anti-joins), which read no more of the row than `c.id`;
 * - and:   a conjunction of facts, sets and tests that read only `c.id`, kept apart until the
 *          statement is written, so that it can be counted from the narrow rows.
 * Keeping sets as sets lets Postgres combine them set-wise: an OR of event conditions becomes
 * one semi-join on the union of their sets (not three hashed subplans probed for each of a
 * million contacts), and a segment made of sets alone is counted without reading `contact`.
 */
export type IdSet = { kind: "ids"; sql: Prisma.Sql; distinct: boolean; branches?: Prisma.Sql[] };
export type RowTest = { kind: "test"; sql: Prisma.Sql; readsContactRow: boolean };
export type FactsTest = { kind: "facts"; sql: Prisma.Sql };
export type Conjunction = { kind: "and"; facts: Prisma.Sql[]; sets: IdSet[]; tests: RowTest[] };
export type Compiled = IdSet | RowTest | FactsTest | Conjunction;

export const idSet = (sql: Prisma.Sql, distinct: boolean): IdSet => ({ kind: "ids", sql, distinct });
/** A test over `contact c` that reads nothing of the row but `c.id` (anti-joins, scores). */
export const rowTest = (sql: Prisma.Sql): RowTest => ({ kind: "test", sql, readsContactRow: false });
/** A test over the columns of `contact c` (attributes). */
export const contactRowTest = (sql: Prisma.Sql): RowTest => ({ kind: "test", sql, readsContactRow: true });
export const factsTest = (sql: Prisma.Sql): FactsTest => ({ kind: "facts", sql });

const factsOf = (sql: Prisma.Sql) => Prisma.sql`exists (select 1 from contact_facts f where f.contact_id = c.id and ${sql})`;

/** The node as a boolean over `contact c`. */
export function asRowTest(node: Compiled): Prisma.Sql {
  switch (node.kind) {
    case "test":
      return node.sql;
    case "ids":
      return Prisma.sql`c.id in (${node.sql})`;
    case "facts":
      return factsOf(node.sql);
    case "and":
      return Prisma.sql`(${Prisma.join([factsOf(Prisma.join(node.facts, " and ")), ...node.sets.map(asRowTest), ...node.tests.map(asRowTest)], " and ")})`;
  }
}

/** AND: the intersection when every part is a set, a conjunction when facts take part, else a test. */
export function allOf(parts: Compiled[]): Compiled {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((part) => part.kind === "ids")) {
    const [first, ...rest] = parts as IdSet[];
    const within = rest.map((part) => Prisma.sql`m.contact_id in (${part.sql})`);
    return idSet(Prisma.sql`select m.contact_id from (${first!.sql}) m where ${Prisma.join(within, " and ")}`, first!.distinct);
  }
  if (parts.every((part) => part.kind === "facts")) return factsTest(Prisma.sql`(${Prisma.join(parts.map((part) => part.sql), " and ")})`);
  const conjunction: Conjunction = { kind: "and", facts: [], sets: [], tests: [] };
  for (const part of parts) {
    if (part.kind === "facts") conjunction.facts.push(part.sql);
    else if (part.kind === "ids") conjunction.sets.push(part);
    else if (part.kind === "test") conjunction.tests.push(part);
    else {
      conjunction.facts.push(...part.facts);
      conjunction.sets.push(...part.sets);
      conjunction.tests.push(...part.tests);
    }
  }
  // Without facts, or with a test that reads the contact row, the contact row drives the count.
  if (conjunction.facts.length === 0 || conjunction.tests.some((test) => test.readsContactRow)) {
    const readsContactRow = conjunction.tests.some((test) => test.readsContactRow);
    return { kind: "test", sql: Prisma.sql`(${Prisma.join(parts.map(asRowTest), " and ")})`, readsContactRow };
  }
  return conjunction;
}

/**
 * OR: the union when every part is a set (a conjunction of facts counts as the set it selects),
 * a disjunction of facts, else a test. UNION rather than UNION ALL where the union may be probed
 * contact by contact: Postgres knows its output distinct and estimates its size from its parts,
 * whereas it would guess 200 distinct ids in a UNION ALL and probe contacts one by one for what
 * may be a hundred thousand. Where it is only hashed (countedFromFacts), its branches are used.
 */
export function anyOf(parts: Compiled[], workspaceId: string): Compiled {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((part) => part.kind === "facts")) return factsTest(Prisma.sql`(${Prisma.join(parts.map((part) => part.sql), " or ")})`);
  if (parts.every((part) => part.kind === "ids" || part.kind === "and")) {
    const branches = parts.flatMap((part) => (part.kind === "ids" ? (part.branches ?? [part.sql]) : [countedFromFacts(part, workspaceId)]));
    return { kind: "ids", sql: Prisma.join(branches, " union "), distinct: true, branches };
  }
  const readsContactRow = parts.some((part) => part.kind === "test" && part.readsContactRow);
  return { kind: "test", sql: Prisma.sql`(${Prisma.join(parts.map(asRowTest), " or ")})`, readsContactRow };
}

/**
 * A conjunction counted from the narrow rows of contact_facts. Its sets are joined as hashed sets:
 * `+ 0` keeps Postgres from probing an index once per id instead, which it prices low but which
 * costs 3–10 µs a probe against ~0.3 µs a row for a hash, so that a hundred thousand ids took
 * longer than the scan of a million narrow rows. A union is hashed from its branches (UNION ALL),
 * each computed once, side by side in parallel workers; the semi-join drops the repeats.
 */
function countedFromFacts(node: Conjunction, workspaceId: string): Prisma.Sql {
  const sets = node.sets.map((set) => {
    const source = set.branches ? Prisma.join(set.branches, " union all ") : set.sql;
    return Prisma.sql`c.id + 0 in (select s.contact_id + 0 from (${source}) s)`;
  });
  const conditions = [...sets, ...node.tests.map((test) => test.sql)];
  const where = conditions.length ? Prisma.sql` where ${Prisma.join(conditions, " and ")}` : Prisma.empty;
  return Prisma.sql`select c.id as contact_id from (select f.contact_id as id from contact_facts f
    where f.workspace_id = ${workspaceId}::uuid and ${Prisma.join(node.facts, " and ")}) c${where}`;
}

/** The matching contacts as a statement selecting each id once, in a column `id`. */
export function distinctIdsSql(node: Compiled, workspaceId: string): Prisma.Sql {
  switch (node.kind) {
    case "test":
      return Prisma.sql`select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and ${node.sql}`;
    case "facts":
      return Prisma.sql`select f.contact_id as id from contact_facts f where f.workspace_id = ${workspaceId}::uuid and ${node.sql}`;
    case "and":
      return Prisma.sql`select m.contact_id as id from (${countedFromFacts(node, workspaceId)}) m`;
    case "ids":
      if (node.distinct) return Prisma.sql`select m.contact_id as id from (${node.sql}) m`;
      return Prisma.sql`select m.contact_id as id from (${node.sql}) m group by m.contact_id`;
  }
}
