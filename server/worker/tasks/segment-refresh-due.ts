import type { Db } from "../../db/client";
import { startSegmentRefresh } from "../../segments/saved/start-refresh";

/**
 * Queues a refresh of every saved segment, in every workspace, whose last refresh is older than
 * its interval (or that was never refreshed). Segments with a refresh already pending are skipped
 * by startSegmentRefresh, so a slow refresh is never stacked. `onlyWorkspaceId` limits it to one workspace.
 */
export async function queueDueSegmentRefreshes(db: Db, now: Date, onlyWorkspaceId?: string): Promise<number> {
  const due = await db.$queryRaw<{ id: string; workspace_id: string }[]>`
    select id::text, workspace_id::text from segment
    where (last_refreshed_at is null
       or last_refreshed_at <= ${now}::timestamptz - make_interval(mins => refresh_interval_minutes))
      and (${onlyWorkspaceId ?? null}::uuid is null or workspace_id = ${onlyWorkspaceId ?? null}::uuid)
    order by last_refreshed_at nulls first`;
  for (const segment of due) {
    await startSegmentRefresh(db, { workspaceId: segment.workspace_id, segmentId: segment.id, userId: null });
  }
  return due.length;
}
