import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { enqueueJob } from "../../worker/queue";
import type { ScoreRunTrigger } from "../store/views";

export const SCORE_RUN_TASK = "scores.run";

export type ScoreRunActor = { userId: string; email: string; workspaceId: string };

/** True while a scoring run of the workspace is queued or running. */
export async function scoreRunInProgress(db: Pick<Db, "jobRun">, workspaceId: string): Promise<boolean> {
  const active = await db.jobRun.count({ where: { workspaceId, task: SCORE_RUN_TASK, status: { in: ["queued", "running"] } } });
  return active > 0;
}

/**
 * Queues a scoring run of the workspace and records it as queued; refused while another is
 * queued or running (two runs would race for the same swap).
 */
export async function enqueueScoreRun(db: Db, workspaceId: string, trigger: ScoreRunTrigger, createdById: string | null): Promise<{ jobRunId: string; scoreRunId: string }> {
  if (await scoreRunInProgress(db, workspaceId)) {
    throw new UserFacingError("CONFLICT", "A scoring run is already in progress; wait for it to finish.");
  }
  const job = await enqueueJob(db, { workspaceId, task: SCORE_RUN_TASK, payload: { trigger }, createdById });
  // The task upserts by job_run_id, so a worker quicker than this insert loses nothing.
  const run = await db.scoreRun.upsert({
    where: { jobRunId: job.id },
    create: { workspaceId, jobRunId: job.id, status: "queued", trigger },
    update: {},
  });
  return { jobRunId: job.id, scoreRunId: run.id };
}

/** scores.run: a marketer or admin starts a run now. */
export async function startScoreRun(db: Db, actor: ScoreRunActor): Promise<{ jobRunId: string }> {
  const { jobRunId, scoreRunId } = await enqueueScoreRun(db, actor.workspaceId, "manual", actor.userId);
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "scores.run_started",
    targetType: "score_run",
    targetId: scoreRunId,
  });
  return { jobRunId };
}
