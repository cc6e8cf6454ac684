import type { Db } from "../../db/client";
import { enqueueScoreRun, scoreRunInProgress } from "./start-score-run";

/**
 * The nightly cron: one scheduled scoring run per workspace that has contacts, skipping a
 * workspace whose run is still going (`among` narrows the workspaces considered). Returns the
 * workspaces it queued.
 */
export async function scheduleNightlyScoreRuns(db: Db, among?: readonly string[]): Promise<string[]> {
  const workspaces = await db.workspace.findMany({ where: { contacts: { some: {} }, ...(among ? { id: { in: [...among] } } : {}) }, select: { id: true } });
  const queued: string[] = [];
  for (const { id } of workspaces) {
    if (await scoreRunInProgress(db, id)) continue;
    await enqueueScoreRun(db, id, "schedule", null);
    queued.push(id);
  }
  return queued;
}
