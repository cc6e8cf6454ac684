import type { Db } from "../../db/client";
import { segmentReferences } from "../references";
import { validateSegmentDefinition } from "../validate";

/** Something that uses a segment and would break without it (campaigns join here when they arrive). */
export type SegmentDependent = { kind: "segment"; id: string; name: string };

/** For each saved segment of the workspace, the segments that refer to it directly. */
export async function segmentDependents(db: Pick<Db, "segment">, workspaceId: string): Promise<Map<string, SegmentDependent[]>> {
  const segments = await db.segment.findMany({ where: { workspaceId }, select: { id: true, name: true, definition: true }, orderBy: { name: "asc" } });
  const dependents = new Map<string, SegmentDependent[]>();
  for (const segment of segments) {
    const parsed = validateSegmentDefinition(segment.definition);
    if (!parsed.ok) continue;
    const referenced = new Set(segmentReferences(parsed.definition).map((reference) => reference.segmentId));
    for (const id of referenced) {
      if (id === segment.id) continue;
      const list = dependents.get(id) ?? [];
      list.push({ kind: "segment", id: segment.id, name: segment.name });
      dependents.set(id, list);
    }
  }
  return dependents;
}
