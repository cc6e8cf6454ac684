import type { Db } from "../db/client";
import { previewSegment } from "./preview-segment";
import { resolveSegmentReferences, segmentReferences } from "./references";
import { savedSegmentLoader } from "./saved";
import { segmentNamesOf } from "./saved/list-segments";
import { summarizeSegment } from "./summary";
import { parseSegmentDefinition } from "./validate";

export type BuilderPreviewArgs = {
  workspaceId: string;
  definition: unknown;
  now: Date;
  /** The saved segment being edited, if any: referring back to it is a cycle the builder shows at once. */
  editingSegmentId?: string;
};

/**
 * The builder's live preview: previewSegment's count and sample, with segment-membership
 * conditions named in the sentence ("who are in Frequent buyers") and a reference that leads
 * back to the segment being edited refused before it is saved, on the condition at fault.
 */
export async function previewSegmentForBuilder(db: Db, args: BuilderPreviewArgs) {
  const definition = parseSegmentDefinition(args.definition);
  const loadSegment = savedSegmentLoader(db, args.workspaceId);
  const refersToSegments = segmentReferences(definition).length > 0;
  if (refersToSegments && args.editingSegmentId) await resolveSegmentReferences(definition, loadSegment, args.editingSegmentId);
  const answer = await previewSegment(db, { workspaceId: args.workspaceId, definition, now: args.now, loadSegment });
  if (!refersToSegments) return answer;
  return { ...answer, summary: summarizeSegment(definition, { segmentName: await segmentNamesOf(db, args.workspaceId) }) };
}
