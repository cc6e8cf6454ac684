import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { JobRun } from "../db/generated/client";
import { UserFacingError } from "../errors";
import { progressPercent } from "./progress";
import { enqueueJob } from "./queue";
import { isTaskName, TASKS } from "./registry";
import type { DemoCountPayload } from "./tasks/demo-count";

export type JobActor = { userId: string; email: string; workspaceId: string };

const RECENT_RUNS_LIMIT = 50;

type JobRunWithCreator = JobRun & { createdBy: { name: string } | null };

function toJobRunView(run: JobRunWithCreator) {
  return {
    id: run.id,
    task: run.task,
    title: isTaskName(run.task) ? TASKS[run.task].title : run.task,
    status: run.status,
    progressDone: run.progressDone,
    progressTotal: run.progressTotal,
    percent: progressPercent(run),
    message: run.message,
    error: run.error,
    result: run.result,
    attempts: run.attempts,
    createdByName: run.createdBy?.name ?? null,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export type JobRunView = ReturnType<typeof toJobRunView>;

const withCreator = { createdBy: { select: { name: true } } } as const;

/** The workspace's most recent job runs, newest first. */
export async function listJobRuns(db: Db, workspaceId: string): Promise<JobRunView[]> {
  const runs = await db.jobRun.findMany({
    where: { workspaceId },
    include: withCreator,
    orderBy: { createdAt: "desc" },
    take: RECENT_RUNS_LIMIT,
  });
  return runs.map(toJobRunView);
}

export async function getJobRun(db: Db, workspaceId: string, id: string): Promise<JobRunView> {
  // Scoped by workspace: another workspace's run is simply not found.
  const run = await db.jobRun.findFirst({ where: { id, workspaceId }, include: withCreator });
  if (!run) throw new UserFacingError("NOT_FOUND", "That job does not exist in this workspace.");
  return toJobRunView(run);
}

export async function startDemoJob(db: Db, actor: JobActor, payload: DemoCountPayload): Promise<JobRunView> {
  const run = await enqueueJob(db, {
    workspaceId: actor.workspaceId,
    task: "demo.count",
    payload,
    createdById: actor.userId,
  });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "job.started",
    targetType: "job_run",
    targetId: run.id,
    data: { task: run.task },
  });
  return getJobRun(db, actor.workspaceId, run.id);
}
