import { UserFacingError } from "../errors";
import { MAX_CONDITIONS, type SegmentDefinition, type SegmentNode } from "./definition";

/** Returns the definition of a saved segment of the same workspace, or null when there is none. */
export type LoadSegmentDefinition = (segmentId: string) => Promise<SegmentDefinition | null>;

/** The definitions of every segment a definition refers to, directly or through others. */
export type ResolvedSegments = ReadonlyMap<string, SegmentDefinition>;

/** Referenced segments are inlined when compiled; this bounds the inlined whole. */
export const MAX_CONDITIONS_WITH_REFERENCES = MAX_CONDITIONS * 4;

export type SegmentReference = { segmentId: string; path: string };

/** Where a definition refers to other segments (e.g. to refuse deleting a segment still in use). */
export function segmentReferences(definition: SegmentDefinition): SegmentReference[] {
  const found: SegmentReference[] = [];
  const walk = (node: SegmentNode, path: string) => {
    if (node.kind === "segment") found.push({ segmentId: node.segmentId, path });
    if (node.kind === "group") node.children.forEach((child, i) => walk(child, `${path}.children[${i}]`));
  };
  walk(definition.root, "root");
  return found;
}

function conditionCount(node: SegmentNode): number {
  return node.kind === "group" ? node.children.reduce((sum, child) => sum + conditionCount(child), 0) : 1;
}

/**
 * Loads every segment `definition` refers to, transitively. Refuses a reference to a segment
 * that does not exist and any cycle (a segment that, through others, contains itself), naming
 * the chain. `selfId` is the id of the segment being edited, if it is saved.
 */
export async function resolveSegmentReferences(
  definition: SegmentDefinition,
  load: LoadSegmentDefinition,
  selfId?: string,
): Promise<ResolvedSegments> {
  const resolved = new Map<string, SegmentDefinition>();
  let total = conditionCount(definition.root);

  // `via` is the path of the condition of `definition` a nested reference was reached through:
  // the builder shows the error there, the only place the marketer can fix it.
  const visit = async (current: SegmentDefinition, chain: string[], via?: string) => {
    for (const { segmentId, path } of segmentReferences(current)) {
      const at = via ?? path;
      if (chain.includes(segmentId)) {
        const loop = [...chain.slice(chain.indexOf(segmentId)), segmentId].join(" → ");
        throw new UserFacingError("BAD_REQUEST", `This refers to a segment that contains itself (${loop}).`, at);
      }
      if (resolved.has(segmentId)) {
        await visit(resolved.get(segmentId)!, [...chain, segmentId], at);
        continue;
      }
      const referenced = await load(segmentId);
      if (!referenced) {
        throw new UserFacingError("BAD_REQUEST", `Segment ${segmentId} does not exist in this workspace.`, at);
      }
      total += conditionCount(referenced.root);
      if (total > MAX_CONDITIONS_WITH_REFERENCES) {
        throw new UserFacingError(
          "BAD_REQUEST",
          `With the segments it refers to, this segment has more than ${MAX_CONDITIONS_WITH_REFERENCES} conditions.`,
          "root",
        );
      }
      resolved.set(segmentId, referenced);
      await visit(referenced, [...chain, segmentId], at);
    }
  };
  await visit(definition, selfId ? [selfId] : []);
  return resolved;
}
