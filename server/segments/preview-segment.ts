import type { Db } from "../db/client";
import { countAndSampleMatching, SEGMENT_QUERY_TIMEOUT_MS, withSegmentTimeout } from "./count-segment";
import { resolveSegmentReferences, type LoadSegmentDefinition } from "./references";
import { summarizeSegment } from "./summary";
import { parseSegmentDefinition } from "./validate";

export const PREVIEW_SAMPLE_SIZE = 10;

export type PreviewArgs = {
  workspaceId: string;
  /** The definition as received; validated here, errors naming the condition at fault. */
  definition: unknown;
  now: Date;
  loadSegment: LoadSegmentDefinition;
  timeoutMs?: number;
};

/** What the builder shows while the marketer edits: the count, a sample of members and the sentence. */
export async function previewSegment(db: Db, args: PreviewArgs) {
  const definition = parseSegmentDefinition(args.definition);
  const segments = await resolveSegmentReferences(definition, args.loadSegment);
  const options = { workspaceId: args.workspaceId, now: args.now, segments };
  const { count, sample } = await withSegmentTimeout(db, args.timeoutMs ?? SEGMENT_QUERY_TIMEOUT_MS, (tx) =>
    countAndSampleMatching(tx, definition, options, PREVIEW_SAMPLE_SIZE),
  );
  return { count, sample, summary: summarizeSegment(definition) };
}
