import type { Db } from "../../server/db/client";
import type { SegmentDefinition } from "../../server/segments";
import { refreshSegment } from "../../server/segments/saved";

type RefreshArgs = { workspaceId: string; now: Date; definition: SegmentDefinition; runs: number };

const BENCH_SEGMENT_NAME = "Bench: nested mix";

/**
 * Saves the definition as a segment of the workspace (kept between runs) and times the saved
 * segment's refresh, as the worker runs it: the membership recomputed set-wise and stored, with
 * who entered and left. One refresh brings the membership up to date first; the figure is the
 * median of `runs` refreshes after it.
 */
export async function timeRefresh(db: Db, args: RefreshArgs): Promise<{ members: number; ms: number }> {
  const definition = JSON.parse(JSON.stringify(args.definition)) as object;
  const segment = await db.segment.upsert({
    where: { workspaceId_name: { workspaceId: args.workspaceId, name: BENCH_SEGMENT_NAME } },
    create: { workspaceId: args.workspaceId, name: BENCH_SEGMENT_NAME, definition },
    update: { definition },
  });
  const refresh = () => refreshSegment(db, { workspaceId: args.workspaceId, segmentId: segment.id, now: args.now });
  let last = await refresh();
  const timesMs: number[] = [];
  for (let i = 0; i < args.runs; i++) {
    const started = performance.now();
    last = await refresh();
    timesMs.push(performance.now() - started);
  }
  timesMs.sort((a, b) => a - b);
  return { members: last.size, ms: Math.round(timesMs[Math.floor(timesMs.length / 2)]!) };
}
