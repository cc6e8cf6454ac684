import type { Db } from "../../db/client";
import { EMPTY_CHARTS, SCORE_STAGES, type LatestScores, type ModelReports, type ScoreCharts, type ScoreRunStatus, type ScoreRunTrigger } from "./views";

// jsonb keeps keys in its own order; the page lists stages in the order they ran.
function stagesInOrder(stages: Record<string, number>): Record<string, number> {
  return Object.fromEntries(SCORE_STAGES.filter((stage) => stage in stages).map((stage) => [stage, stages[stage]!]));
}

/** The last successful run of the workspace (whose scores contacts carry now), or null. */
export async function readLatestScores(db: Pick<Db, "scoreRun">, workspaceId: string): Promise<LatestScores | null> {
  const run = await db.scoreRun.findFirst({
    where: { workspaceId, status: "succeeded" },
    orderBy: { startedAt: "desc" },
    // Not `fitted`: the models' state is the worker's business and can be large.
    select: { id: true, status: true, trigger: true, startedAt: true, finishedAt: true, durationMs: true, stages: true, contacts: true, models: true, charts: true },
  });
  if (!run) return null;
  return {
    run: {
      id: run.id,
      status: run.status as ScoreRunStatus,
      trigger: run.trigger as ScoreRunTrigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      durationMs: run.durationMs,
      stages: stagesInOrder(run.stages as Record<string, number>),
      contacts: run.contacts,
    },
    models: run.models as ModelReports,
    charts: { ...EMPTY_CHARTS, ...(run.charts as Partial<ScoreCharts>) },
  };
}
