import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { UserFacingError } from "../../errors";
import type { EmailDocument } from "../document";
import { cartLinesSql, cartWindowStart, ORDER_EVENT } from "../recipients/cart-lines-sql";
import { savedSegmentIds, savedSegmentsExist } from "../templates/workspace-vocabulary";
import { documentTokens, type ContactToken } from "./document-tokens";

export type EmptyTokenCount = { token: string; empty: number; total: number };

/** Liquid score names whose contact_score column is named otherwise. */
const SCORE_COLUMNS: Record<string, string> = { purchase_propensity: "propensity_30d", clv: "predicted_clv", expected_value_90d: "expected_spend" };

/**
 * For each token the document prints, how many contacts of the audience (or of a saved segment)
 * would see it empty: one statement that counts every token in a single pass over each source,
 * not a render per contact. Contact fields are counted in one scan of the population; facts that
 * live elsewhere (order stats, the open cart, scores) are counted where they live, as the number
 * of contacts that HAVE them, and subtracted from the population — no per-contact join, so a
 * million-contact audience costs one scan of contacts plus the (much smaller) event aggregates.
 * Values a template prints through `default` still count as empty: the designer shows them
 * next to their fallback.
 */
export async function countEmptyTokens(db: Db, workspaceId: string, document: EmailDocument, segmentId: string | null, now = new Date()): Promise<EmptyTokenCount[]> {
  const tokens = documentTokens(document);
  if (tokens.length === 0) return [];
  const population = await populationOf(db, workspaceId, segmentId);
  const scoreColumns = await existingScoreColumns(db);
  const contactCounts: Prisma.Sql[] = [];
  const scoreCounts: Prisma.Sql[] = [];
  const empties = tokens.map((token) => emptyCountOf(token, { scoreColumns, contactCounts, scoreCounts }));
  const needs = { orders: tokens.some((t) => t.kind === "stat"), carts: tokens.some((t) => t.kind === "cart") };
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    select ${Prisma.join(empties.map((empty, i) => Prisma.sql`${empty} as ${Prisma.raw(`e${i}`)}`))}, c.total
    from (
      select ${Prisma.join([Prisma.sql`count(*) as total`, ...contactCounts.map((count, i) => Prisma.sql`${count} as ${Prisma.raw(`c${i}`)}`)])}
      from contact c where c.workspace_id = ${workspaceId}::uuid and ${population(Prisma.raw("c.id"))}
    ) c
    ${needs.orders ? Prisma.sql`cross join (select count(*) as customers from (${customersSql(workspaceId, population(Prisma.raw("e.contact_id")))}) x) o` : Prisma.empty}
    ${needs.carts ? Prisma.sql`cross join (select count(*) as carts, count(*) filter (where x.has_url) as linked from (${cartsSql(workspaceId, cartWindowStart(now), population(Prisma.raw("e.contact_id")))}) x) k` : Prisma.empty}
    ${
      scoreCounts.length > 0
        ? Prisma.sql`cross join (
            select ${Prisma.join(scoreCounts.map((count, i) => Prisma.sql`${count} as ${Prisma.raw(`s${i}`)}`))}
            from contact_score s where s.workspace_id = ${workspaceId}::uuid and ${population(Prisma.raw("s.contact_id"))}
          ) s`
        : Prisma.empty
    }`;
  const total = Number(row?.total ?? 0);
  return tokens.map((token, i) => ({ token: token.token, empty: Number(row?.[`e${i}`] ?? 0), total }));
}

/** Who is counted, as a condition on a contact id column (`c.id`, `e.contact_id`, `s.contact_id`). */
type Population = (contactId: Prisma.Sql) => Prisma.Sql;

async function populationOf(db: Db, workspaceId: string, segmentId: string | null): Promise<Population> {
  if (segmentId === null || !(await savedSegmentsExist(db))) return () => Prisma.sql`true`;
  if (!(await savedSegmentIds(db, workspaceId)).includes(segmentId)) throw new UserFacingError("NOT_FOUND", "That segment does not exist in this workspace.", "segmentId");
  return (contactId) => Prisma.sql`${contactId} in (select m.contact_id from segment_membership m where m.segment_id = ${segmentId}::uuid)`;
}

/** Contacts with at least one order: the others have no average order value and no last order date. */
function customersSql(workspaceId: string, scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`select e.contact_id from event e where e.workspace_id = ${workspaceId}::uuid and e.name = ${ORDER_EVENT} and ${scope} group by e.contact_id`;
}

/**
 * Contacts with an open cart that the renderer would print (its lines matched to products by
 * sku, as assembleRecipients does), and whether any of its products has a page to link the cart to.
 */
function cartsSql(workspaceId: string, since: Date, scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    select l.contact_id, bool_or(p.url ~* '^https?://[^/]') as has_url
    from (${cartLinesSql(workspaceId, since, scope)}) l
    join product p on p.workspace_id = ${workspaceId}::uuid and p.sku = l.sku
    group by l.contact_id`;
}

type CountParts = { scoreColumns: ReadonlySet<string>; contactCounts: Prisma.Sql[]; scoreCounts: Prisma.Sql[] };

/** The outer expression that answers a token's empty count; registers the per-source counts it needs. */
function emptyCountOf(token: ContactToken, parts: CountParts): Prisma.Sql {
  const counted = (list: Prisma.Sql[], prefix: string, count: Prisma.Sql) => Prisma.raw(`${prefix}.${prefix}${list.push(count) - 1}`);
  const fromContacts = (isEmpty: Prisma.Sql) => counted(parts.contactCounts, "c", Prisma.sql`count(*) filter (where ${isEmpty})`);
  const withScore = (isSet: Prisma.Sql) => Prisma.sql`c.total - ${counted(parts.scoreCounts, "s", Prisma.sql`count(*) filter (where ${isSet})`)}`;
  switch (token.kind) {
    case "column":
      // The column name comes from CONTACT_COLUMNS, a fixed whitelist.
      return token.column === "id" ? Prisma.sql`0` : fromContacts(Prisma.sql`coalesce(${Prisma.raw(`c.${token.column}`)}, '') = ''`);
    case "attribute":
      return fromContacts(Prisma.sql`coalesce(c.attributes ->> ${token.key}, '') = ''`);
    case "stat":
      // Counts and sums print 0 for a contact without orders; the average and the date print nothing.
      return token.stat === "orders_count" || token.stat === "total_spent" ? Prisma.sql`0` : Prisma.sql`c.total - o.customers`;
    case "score": {
      const column = SCORE_COLUMNS[token.score] ?? token.score;
      // The column name is checked against contact_score's own columns.
      return parts.scoreColumns.has(column) ? withScore(Prisma.sql`${Prisma.raw(`s.${column}`)} is not null`) : Prisma.sql`c.total`;
    }
    case "recommendations":
      return parts.scoreColumns.has("recommendations") ? withScore(Prisma.sql`cardinality(s.recommendations) > 0`) : Prisma.sql`c.total`;
    case "cart":
      // Without a cart the whole `cart` is nil; with one, only its link can be missing (no product page to take the origin from).
      return token.part === "url" ? Prisma.sql`c.total - k.linked` : Prisma.sql`c.total - k.carts`;
    case "shared":
      return Prisma.sql`0`;
  }
}

/** contact_score's columns (the scoring migration may not have run): the whitelist for score identifiers. */
async function existingScoreColumns(db: Db): Promise<ReadonlySet<string>> {
  const rows = await db.$queryRaw<{ column_name: string }[]>`
    select column_name from information_schema.columns where table_schema = 'public' and table_name = 'contact_score'`;
  return new Set(rows.map((row) => row.column_name));
}
