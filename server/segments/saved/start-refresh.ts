import type { Db } from "../../db/client";
import { enqueueJob } from "../../worker/queue";

/**
 * Queues a refresh of the segment's membership, unless one is already waiting or running (a
 * second one would only repeat it). Returns the job run that will do it.
 */
export async function startSegmentRefresh(db: Db, args: { workspaceId: string; segmentId: string; userId: string | null }): Promise<{ jobRunId: string }> {
  const pending = await pendingRefreshJobs(db, args.workspaceId);
  const existing = pending.get(args.segmentId);
  if (existing) return { jobRunId: existing };
  const run = await enqueueJob(db, { workspaceId: args.workspaceId, task: "segment.refresh", payload: { segmentId: args.segmentId }, createdById: args.userId });
  return { jobRunId: run.id };
}

/** Segment id → the queued or running refresh job of the workspace. */
export async function pendingRefreshJobs(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const runs = await db.$queryRaw<{ id: string; segment_id: string }[]>`
    select id::text, payload ->> 'segmentId' as segment_id from job_run
    where workspace_id = ${workspaceId}::uuid and task = 'segment.refresh' and status in ('queued', 'running')
    order by created_at desc`;
  const pending = new Map<string, string>();
  for (const run of runs) if (!pending.has(run.segment_id)) pending.set(run.segment_id, run.id);
  return pending;
}
