import type { Db } from "../../db/client";

/** An upload that was never started is kept this long for the user to come back to it. */
export const ABANDONED_UPLOAD_HOURS = 24;

/**
 * Deletes uploads that were never started (no mapping chosen, no job) and are older than
 * ABANDONED_UPLOAD_HOURS, with their stored chunks: up to a gigabyte each.
 */
export async function deleteAbandonedUploads(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_UPLOAD_HOURS * 60 * 60 * 1000);
  return db.$executeRaw`
    delete from import where job_run_id is null and not (options ? 'run') and created_at < ${cutoff}`;
}
