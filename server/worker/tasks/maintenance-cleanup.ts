import { deleteAbandonedUploads } from "../../audience/import";
import type { Db } from "../../db/client";

export const FINISHED_JOB_RUN_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type CleanupCounts = { sessions: number; verifications: number; jobRuns: number; abandonedUploads: number };

/** Deletes expired sign-in sessions and verification tokens, job runs finished long ago, and uploads never started. */
export async function deleteExpiredRows(db: Db, now: Date = new Date()): Promise<CleanupCounts> {
  const jobRunCutoff = new Date(now.getTime() - FINISHED_JOB_RUN_RETENTION_DAYS * DAY_MS);
  const [sessions, verifications, jobRuns] = await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.verification.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.jobRun.deleteMany({
      where: { status: { in: ["succeeded", "failed"] }, finishedAt: { lt: jobRunCutoff } },
    }),
  ]);
  const abandonedUploads = await deleteAbandonedUploads(db, now);
  return { sessions: sessions.count, verifications: verifications.count, jobRuns: jobRuns.count, abandonedUploads };
}
