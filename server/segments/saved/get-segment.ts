import type { Role } from "../../auth/roles";
import type { Db } from "../../db/client";
import { summarizeSegment } from "../summary";
import { segmentDependents } from "./dependents";
import { segmentNamesOf } from "./list-segments";
import { findSegmentOrThrow, storedDefinition } from "./load-segment";
import { pendingRefreshJobs } from "./start-refresh";

/** One saved segment as the detail page and the builder open it; managers get canEdit false. */
export async function getSegment(db: Db, args: { workspaceId: string; role: Role; id: string }) {
  const segment = await findSegmentOrThrow(db, args.workspaceId, args.id);
  const definition = storedDefinition(segment.definition);
  const [names, dependents, pending] = await Promise.all([
    segmentNamesOf(db, args.workspaceId),
    segmentDependents(db, args.workspaceId),
    pendingRefreshJobs(db, args.workspaceId),
  ]);
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    definition,
    version: segment.version,
    summary: summarizeSegment(definition, { segmentName: names }),
    memberCount: segment.memberCount,
    lastRefreshedAt: segment.lastRefreshedAt,
    refreshIntervalMinutes: segment.refreshIntervalMinutes,
    /** The queued or running refresh, to follow its progress after a reload. */
    refreshJobRunId: pending.get(segment.id) ?? null,
    usedBy: dependents.get(segment.id) ?? [],
    createdAt: segment.createdAt,
    updatedAt: segment.updatedAt,
    canEdit: args.role !== "manager",
  };
}

export type SegmentDetail = Awaited<ReturnType<typeof getSegment>>;
