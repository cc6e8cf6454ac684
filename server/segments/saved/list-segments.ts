import type { Db } from "../../db/client";
import { summarizeSegment } from "../summary";
import { segmentDependents } from "./dependents";
import { storedDefinition } from "./load-segment";
import { pendingRefreshJobs } from "./start-refresh";

/** Reads "who are in Frequent buyers" rather than an id in summaries. */
export async function segmentNamesOf(db: Db, workspaceId: string): Promise<(segmentId: string) => string | undefined> {
  const rows = await db.segment.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (segmentId) => names.get(segmentId);
}

/** The workspace's saved segments by name, with size, freshness and what uses each. */
export async function listSegments(db: Db, workspaceId: string) {
  const [segments, dependents, pending] = await Promise.all([
    db.segment.findMany({ where: { workspaceId }, orderBy: { name: "asc" } }),
    segmentDependents(db, workspaceId),
    pendingRefreshJobs(db, workspaceId),
  ]);
  const names = new Map(segments.map((segment) => [segment.id, segment.name]));
  return segments.map((segment) => ({
    id: segment.id,
    name: segment.name,
    description: segment.description,
    memberCount: segment.memberCount,
    lastRefreshedAt: segment.lastRefreshedAt,
    refreshing: pending.has(segment.id),
    summary: summarizeSegment(storedDefinition(segment.definition), { segmentName: (id) => names.get(id) }),
    usedBy: dependents.get(segment.id) ?? [],
    updatedAt: segment.updatedAt,
  }));
}

export type SegmentListItem = Awaited<ReturnType<typeof listSegments>>[number];
