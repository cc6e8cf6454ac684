import type { Db } from "../../db/client";
import { compileSegmentToSql } from "../compile";
import { resolveSegmentReferences } from "../references";
import { findSegmentOrThrow, savedSegmentLoader, storedDefinition } from "./load-segment";

/** A refresh runs in the worker, so it may take far longer than a count in the builder. */
export const REFRESH_STATEMENT_TIMEOUT_MS = 10 * 60_000;
const REFRESH_WORK_MEM = "128MB";

export type RefreshSegmentArgs = {
  workspaceId: string;
  segmentId: string;
  /** When the membership is taken: "the last 30 days" count back from it, and entered_at is it. */
  now: Date;
  /** The job running it: a retried job whose refresh already committed returns that refresh. */
  jobRunId?: string;
  progress?: (done: number, total: number, message: string) => Promise<void>;
};

export type RefreshResult = { size: number; entered: number; left: number; durationMs: number };

const STEPS = 3;

/**
 * Recomputes a saved segment's membership, set-wise: the compiled statement fills a temporary
 * table, then the members who left are deleted and those who entered inserted, the count is
 * stored on the segment and the refresh recorded — all in one transaction, so a refresh that
 * fails or is killed leaves the previous membership as it was, and running it again is safe.
 */
export async function refreshSegment(db: Db, args: RefreshSegmentArgs): Promise<RefreshResult> {
  const startedAt = new Date();
  const started = performance.now();
  if (args.jobRunId) {
    const done = await db.segmentRefresh.findUnique({ where: { jobRunId: args.jobRunId } });
    if (done?.status === "succeeded") return { size: done.size ?? 0, entered: done.entered ?? 0, left: done.left ?? 0, durationMs: done.durationMs ?? 0 };
  }
  const segment = await findSegmentOrThrow(db, args.workspaceId, args.segmentId);
  try {
    await args.progress?.(0, STEPS, "Resolving the definition");
    const definition = storedDefinition(segment.definition);
    const segments = await resolveSegmentReferences(definition, savedSegmentLoader(db, args.workspaceId), segment.id);
    const matching = compileSegmentToSql(definition, { workspaceId: args.workspaceId, now: args.now, segments });
    await args.progress?.(1, STEPS, "Finding matching contacts");

    return await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`select set_config('statement_timeout', ${String(REFRESH_STATEMENT_TIMEOUT_MS)}, true), set_config('work_mem', ${REFRESH_WORK_MEM}, true)`;
        // Two refreshes of one segment take turns; the second starts from the first one's result.
        await tx.$queryRaw`select id from segment where id = ${segment.id}::uuid for update`;
        await tx.$executeRaw`create temporary table segment_refresh_matches (contact_id bigint primary key) on commit drop`;
        const size = await tx.$executeRaw`insert into segment_refresh_matches (contact_id) ${matching}`;
        await tx.$executeRaw`analyze segment_refresh_matches`;
        const left = await tx.$executeRaw`
          delete from segment_membership sm where sm.segment_id = ${segment.id}::uuid
            and not exists (select 1 from segment_refresh_matches m where m.contact_id = sm.contact_id)`;
        const entered = await tx.$executeRaw`
          insert into segment_membership (segment_id, contact_id, entered_at)
          select ${segment.id}::uuid, m.contact_id, ${args.now} from segment_refresh_matches m
          where not exists (select 1 from segment_membership sm where sm.segment_id = ${segment.id}::uuid and sm.contact_id = m.contact_id)`;
        const durationMs = Math.round(performance.now() - started);
        await tx.segment.update({ where: { id: segment.id }, data: { memberCount: size, lastRefreshedAt: args.now } });
        const figures = { size, entered, left, durationMs };
        await recordRefresh(tx, { segmentId: segment.id, jobRunId: args.jobRunId, startedAt, status: "succeeded", ...figures });
        return figures;
      },
      { timeout: REFRESH_STATEMENT_TIMEOUT_MS + 10_000, maxWait: 30_000 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordRefresh(db, {
      segmentId: segment.id,
      jobRunId: args.jobRunId,
      startedAt,
      status: "failed",
      durationMs: Math.round(performance.now() - started),
      error: message.slice(0, 2000),
    }).catch(() => undefined); // the segment may have been deleted meanwhile: nothing left to record on
    throw error;
  }
}

type RefreshRecord = {
  segmentId: string;
  jobRunId: string | undefined;
  startedAt: Date;
  status: "succeeded" | "failed";
  durationMs: number;
  size?: number;
  entered?: number;
  left?: number;
  error?: string;
};

/** One row per job: a retried job overwrites the failure of its earlier attempt. */
async function recordRefresh(db: Pick<Db, "segmentRefresh">, record: RefreshRecord): Promise<void> {
  const data = {
    segmentId: record.segmentId,
    status: record.status,
    startedAt: record.startedAt,
    finishedAt: new Date(),
    size: record.size ?? null,
    entered: record.entered ?? null,
    left: record.left ?? null,
    durationMs: record.durationMs,
    error: record.error ?? null,
  };
  if (!record.jobRunId) {
    await db.segmentRefresh.create({ data });
    return;
  }
  await db.segmentRefresh.upsert({ where: { jobRunId: record.jobRunId }, create: { ...data, jobRunId: record.jobRunId }, update: data });
}
