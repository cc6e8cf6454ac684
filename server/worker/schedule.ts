import { parseCronItems, type TaskList } from "graphile-worker";
import type { Db } from "../db/client";
import { deleteExpiredRows } from "./tasks/maintenance-cleanup";

/**
 * Scheduled housekeeping. These jobs belong to no workspace and nobody watches them in the UI,
 * so they run as plain graphile-worker tasks, without a `job_run` row.
 */
export function createCronTaskList(db: Db): TaskList {
  return {
    "maintenance.cleanup": async (_payload, helpers) => {
      const deleted = await deleteExpiredRows(db);
      helpers.logger.info(`Deleted expired rows: ${JSON.stringify(deleted)}`);
    },
  };
}

// graphile-worker's known_crontabs table makes sure only one of several workers schedules each run.
export const CRON_ITEMS = parseCronItems([
  {
    task: "maintenance.cleanup",
    identifier: "maintenance.cleanup",
    match: "0 * * * *",
    options: { backfillPeriod: 0, maxAttempts: 3, jobKey: "maintenance.cleanup", jobKeyMode: "replace" },
  },
]);
