import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import type { SegmentDefinition } from "../definition";
import type { LoadSegmentDefinition } from "../references";
import { validateSegmentDefinition } from "../validate";

export const SEGMENT_NOT_FOUND = "That segment does not exist in this workspace.";

/** A saved segment of the workspace, or NOT_FOUND (also for another workspace's id). */
export async function findSegmentOrThrow(db: Db, workspaceId: string, id: string) {
  const segment = await db.segment.findFirst({ where: { id, workspaceId } });
  if (!segment) throw new UserFacingError("NOT_FOUND", SEGMENT_NOT_FOUND);
  return segment;
}

/** Reads a stored definition; stored definitions were validated when saved. */
export function storedDefinition(json: unknown): SegmentDefinition {
  const result = validateSegmentDefinition(json);
  if (!result.ok) throw new Error(`Stored segment definition is invalid: ${result.issues[0]?.message}`);
  return result.definition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves segment-membership conditions to the saved segments of one workspace only. */
export function savedSegmentLoader(db: Db, workspaceId: string): LoadSegmentDefinition {
  return async (segmentId) => {
    if (!UUID.test(segmentId)) return null;
    const found = await db.segment.findFirst({ where: { id: segmentId, workspaceId }, select: { definition: true } });
    return found ? storedDefinition(found.definition) : null;
  };
}
