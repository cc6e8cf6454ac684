import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { UserFacingError } from "../errors";
import { compileSegmentToSql, compileSegmentWhere, type CompileOptions } from "./compile";
import type { SegmentDefinition } from "./definition";

/** A count that takes longer than this is stopped: the builder asks again as the marketer types. */
export const SEGMENT_QUERY_TIMEOUT_MS = 5_000;
/** Hashed sets of contact ids (hash joins, grouped events) stay in memory at a million contacts. */
const SEGMENT_QUERY_WORK_MEM = "64MB";
/**
 * The planner's price for passing a row from a parallel worker to the leader (default 0.1, ten
 * times the cost of processing a row). At that price it groups a million events per contact in
 * one process rather than in parallel, partially per worker, although the partial groups passed
 * on are several times fewer than the events: measured, the parallel plan takes a third less time.
 */
const SEGMENT_QUERY_PARALLEL_TUPLE_COST = "0.01";

export type SegmentQueryOptions = CompileOptions & { timeoutMs?: number };
type Tx = Pick<Db, "$queryRaw">;

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message, meta } = e as { code?: unknown; message?: unknown; meta?: { code?: unknown } };
    if (code === "57014" || meta?.code === "57014") return true;
    if (typeof message === "string" && message.includes("statement timeout")) return true;
  }
  return false;
}

/**
 * Runs `work` in a transaction whose statements are cancelled after `timeoutMs`; a cancelled
 * statement becomes a message for the user rather than a hung request.
 */
export async function withSegmentTimeout<T>(db: Db, timeoutMs: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(
      async (tx) => {
        // JIT compilation costs more than it saves on these sub-second statements (Postgres
        // would JIT every count: their estimated costs are far above jit_above_cost).
        await tx.$queryRaw`select set_config('statement_timeout', ${String(timeoutMs)}, true), set_config('work_mem', ${SEGMENT_QUERY_WORK_MEM}, true),
          set_config('jit', 'off', true), set_config('parallel_tuple_cost', ${SEGMENT_QUERY_PARALLEL_TUPLE_COST}, true)`;
        return work(tx);
      },
      { timeout: timeoutMs + 5_000, maxWait: 5_000 },
    );
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw new UserFacingError(
      "BAD_REQUEST",
      `Counting this segment took too long (more than ${(timeoutMs / 1000).toLocaleString("en")} s) and was stopped. Narrow it down, for example with a shorter time window.`,
    );
  }
}

export function countStatement(definition: SegmentDefinition, options: CompileOptions): Prisma.Sql {
  return Prisma.sql`select count(*)::bigint as count from (${compileSegmentToSql(definition, options)}) matching`;
}

export type SegmentSampleRow = { id: string; email: string | null; firstName: string | null; lastName: string | null };

export function sampleStatement(definition: SegmentDefinition, options: CompileOptions, limit: number): Prisma.Sql {
  return Prisma.sql`select c.id, c.email, c.first_name, c.last_name from contact c
    where ${compileSegmentWhere(definition, options)} order by c.id limit ${limit}::int`;
}

export async function countMatching(tx: Tx, definition: SegmentDefinition, options: CompileOptions): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: bigint }[]>(countStatement(definition, options));
  return Number(row?.count ?? 0);
}

export async function sampleMatching(tx: Tx, definition: SegmentDefinition, options: CompileOptions, limit: number): Promise<SegmentSampleRow[]> {
  const rows = await tx.$queryRaw<{ id: bigint; email: string | null; first_name: string | null; last_name: string | null }[]>(
    sampleStatement(definition, options, limit),
  );
  return rows.map((row) => ({ id: row.id.toString(), email: row.email, firstName: row.first_name, lastName: row.last_name }));
}

/**
 * The count and the first `limit` members by id in one statement. The definition's event sets
 * are the expensive part, and a count and a separate sample would each compute them; here they
 * are computed once, into the materialized `matching`.
 */
export function countAndSampleStatement(definition: SegmentDefinition, options: CompileOptions, limit: number): Prisma.Sql {
  return Prisma.sql`with matching as materialized (${compileSegmentToSql(definition, options)})
    select (select count(*) from matching)::bigint as count,
      (select coalesce(json_agg(json_build_object('id', c.id::text, 'email', c.email, 'firstName', c.first_name, 'lastName', c.last_name) order by c.id), '[]'::json)
        from contact c where c.id in (select m.id from matching m order by m.id limit ${limit}::int)) as sample`;
}

export async function countAndSampleMatching(tx: Tx, definition: SegmentDefinition, options: CompileOptions, limit: number) {
  const [row] = await tx.$queryRaw<{ count: bigint; sample: SegmentSampleRow[] }[]>(countAndSampleStatement(definition, options, limit));
  return { count: Number(row?.count ?? 0), sample: row?.sample ?? [] };
}

/** How many contacts of the workspace match, at `options.now`. */
export function countSegment(db: Db, definition: SegmentDefinition, options: SegmentQueryOptions): Promise<number> {
  return withSegmentTimeout(db, options.timeoutMs ?? SEGMENT_QUERY_TIMEOUT_MS, (tx) => countMatching(tx, definition, options));
}

/** The first `limit` matching contacts by id: a stable sample for the builder. */
export function sampleSegment(db: Db, definition: SegmentDefinition, options: SegmentQueryOptions & { limit: number }) {
  return withSegmentTimeout(db, options.timeoutMs ?? SEGMENT_QUERY_TIMEOUT_MS, (tx) => sampleMatching(tx, definition, options, options.limit));
}

/** The executed plan of the count (EXPLAIN ANALYZE, BUFFERS), for benches and tuning. */
export async function explainSegment(db: Db, definition: SegmentDefinition, options: SegmentQueryOptions): Promise<string> {
  const rows = await withSegmentTimeout(db, options.timeoutMs ?? SEGMENT_QUERY_TIMEOUT_MS * 6, (tx) =>
    tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`explain (analyze, buffers) ${countStatement(definition, options)}`),
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}
