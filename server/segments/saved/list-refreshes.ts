import type { Db } from "../../db/client";
import { findSegmentOrThrow } from "./load-segment";

/** How many refreshes the size chart and the history table show. */
export const REFRESH_HISTORY_LIMIT = 200;

/** The segment's refreshes, newest first: size, entered and left per run. */
export async function listSegmentRefreshes(db: Db, workspaceId: string, id: string) {
  const segment = await findSegmentOrThrow(db, workspaceId, id);
  const rows = await db.segmentRefresh.findMany({ where: { segmentId: segment.id }, orderBy: { startedAt: "desc" }, take: REFRESH_HISTORY_LIMIT });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    size: row.size,
    entered: row.entered,
    left: row.left,
    durationMs: row.durationMs,
    error: row.error,
  }));
}
