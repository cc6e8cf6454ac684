import type { Db } from "../../db/client";
import { summarizeSegment } from "../summary";
import { segmentNamesOf } from "./list-segments";
import { findSegmentOrThrow, storedDefinition } from "./load-segment";

/** The definition history of a segment, newest first. */
export async function listSegmentVersions(db: Db, workspaceId: string, id: string) {
  const segment = await findSegmentOrThrow(db, workspaceId, id);
  const [versions, names] = await Promise.all([
    db.segmentVersion.findMany({ where: { segmentId: segment.id }, include: { author: { select: { name: true } } }, orderBy: { version: "desc" } }),
    segmentNamesOf(db, workspaceId),
  ]);
  return versions.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    authorName: row.author?.name ?? null,
    summary: summarizeSegment(storedDefinition(row.definition), { segmentName: names }),
  }));
}
