import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { UserFacingError } from "../../errors";
import type { EmailDocument } from "../document";
import { savedSegmentIds, savedSegmentsExist } from "../templates/workspace-vocabulary";
import { documentTokens, type ContactToken } from "./document-tokens";

export type EmptyTokenCount = { token: string; empty: number; total: number };

/** Liquid score names whose contact_score column is named otherwise. */
const SCORE_COLUMNS: Record<string, string> = { purchase_propensity: "propensity_30d", clv: "predicted_clv", expected_value_90d: "expected_spend" };

/**
 * For each contact token the document prints, how many contacts of the audience (or of a saved
 * segment) would see it empty — one statement that counts every token in a single pass over
 * the population, not a render per contact. Values a template prints through `default` still
 * count as empty here: the designer shows them next to their fallback.
 */
export async function countEmptyTokens(db: Db, workspaceId: string, document: EmailDocument, segmentId: string | null): Promise<EmptyTokenCount[]> {
  const tokens = documentTokens(document);
  if (tokens.length === 0) return [];
  const population = await populationOf(db, workspaceId, segmentId);
  const scoreColumns = await existingScoreColumns(db);
  const counted = tokens.map((token) => ({ token, isEmpty: emptinessOf(token, scoreColumns) }));
  const needsScores = tokens.some((token) => token.kind === "score" || token.kind === "recommendations") && scoreColumns.size > 0;
  const needsOrders = tokens.some((token) => token.kind === "stat");
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    select count(*) as total, ${Prisma.join(counted.map(({ isEmpty }, i) => Prisma.sql`count(*) filter (where ${isEmpty}) as ${Prisma.raw(`t${i}`)}`))}
    from contact c
    ${needsScores ? Prisma.sql`left join contact_score s on s.contact_id = c.id` : Prisma.empty}
    ${needsOrders ? Prisma.sql`left join lateral (select count(*) as orders from event e where e.contact_id = c.id and e.name = 'Order Completed') o on true` : Prisma.empty}
    where c.workspace_id = ${workspaceId}::uuid ${population}`;
  const total = Number(row?.total ?? 0);
  return counted.map(({ token }, i) => ({ token: token.token, empty: Number(row?.[`t${i}`] ?? 0), total }));
}

async function populationOf(db: Db, workspaceId: string, segmentId: string | null): Promise<Prisma.Sql> {
  if (segmentId === null || !(await savedSegmentsExist(db))) return Prisma.empty;
  if (!(await savedSegmentIds(db, workspaceId)).includes(segmentId)) throw new UserFacingError("NOT_FOUND", "That segment does not exist in this workspace.", "segmentId");
  return Prisma.sql`and exists (select 1 from segment_membership m where m.segment_id = ${segmentId}::uuid and m.contact_id = c.id)`;
}

/** contact_score's columns (the scoring migration may not have run): the whitelist for score identifiers. */
async function existingScoreColumns(db: Db): Promise<ReadonlySet<string>> {
  const rows = await db.$queryRaw<{ column_name: string }[]>`
    select column_name from information_schema.columns where table_schema = 'public' and table_name = 'contact_score'`;
  return new Set(rows.map((row) => row.column_name));
}

function emptinessOf(token: ContactToken, scoreColumns: ReadonlySet<string>): Prisma.Sql {
  switch (token.kind) {
    case "column":
      // The column name comes from CONTACT_COLUMNS, a fixed whitelist.
      return token.column === "id" ? Prisma.sql`false` : Prisma.sql`coalesce(${Prisma.raw(`c.${token.column}`)}, '') = ''`;
    case "attribute":
      return Prisma.sql`coalesce(c.attributes ->> ${token.key}, '') = ''`;
    case "stat":
      return token.stat === "orders_count" || token.stat === "total_spent" ? Prisma.sql`false` : Prisma.sql`o.orders = 0`;
    case "score": {
      const column = SCORE_COLUMNS[token.score] ?? token.score;
      return scoreColumns.has(column) ? Prisma.sql`${Prisma.raw(`s.${column}`)} is null` : Prisma.sql`true`;
    }
    case "recommendations":
      return scoreColumns.has("recommendations") ? Prisma.sql`coalesce(cardinality(s.recommendations), 0) = 0` : Prisma.sql`true`;
  }
}
