import type { Db } from "../../db/client";
import type { ScoreRunStatus, ScoreRunSummary, ScoreRunTrigger } from "./views";

const RECENT_RUNS = 30;

/** The workspace's recent scoring runs, newest first. */
export async function listScoreRuns(db: Pick<Db, "scoreRun">, workspaceId: string): Promise<ScoreRunSummary[]> {
  const runs = await db.scoreRun.findMany({
    where: { workspaceId },
    orderBy: { startedAt: "desc" },
    take: RECENT_RUNS,
    select: { id: true, status: true, trigger: true, startedAt: true, finishedAt: true, durationMs: true, stages: true, error: true },
  });
  return runs.map((run) => ({
    ...run,
    status: run.status as ScoreRunStatus,
    trigger: run.trigger as ScoreRunTrigger,
    stages: run.stages as Record<string, number>,
  }));
}
