import { parseCronItems, type TaskList } from "graphile-worker";
import type { Db } from "../db/client";
import { scheduleNightlyScoreRuns } from "../scoring/pipeline/schedule-nightly-runs";
import { deleteExpiredRows } from "./tasks/maintenance-cleanup";
import { queueDueSegmentRefreshes } from "./tasks/segment-refresh-due";
import { CONTACT_SEARCH_INDEX_TASK, indexQueuedContacts } from "../audience/search";
import { EVENT_RANK_REFRESH_TASK, refreshStaleEventRanks } from "../segments/event-ranks";

/** How long a running import may go without progress before it no longer counts as running (a crashed worker's). */
const IMPORT_HEARTBEAT_SECONDS = 120;

/** Whether an import is writing contacts now: running, with progress saved lately. */
export async function importRunning(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ running: boolean }[]>`
    select exists (select 1 from job_run where task = 'import.run' and status = 'running'
      and updated_at > now() - make_interval(secs => ${IMPORT_HEARTBEAT_SECONDS}::int)) as running`;
  return row?.running ?? false;
}

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
    "scores.nightly": async (_payload, helpers) => {
      const queued = await scheduleNightlyScoreRuns(db);
      helpers.logger.info(`Queued scoring runs for ${queued.length} workspace(s)`);
    },
    "segments.refresh-due": async (_payload, helpers) => {
      const queued = await queueDueSegmentRefreshes(db, new Date());
      if (queued) helpers.logger.info(`Queued ${queued} segment refreshes`);
    },
    [CONTACT_SEARCH_INDEX_TASK]: async (payload, helpers) => {
      // The minutely run leaves contacts to an import that is writing them: it asks for a run when
      // it ends, queued contacts are matched live meanwhile, and on two cores indexing alongside
      // took CPU from the import.
      const fromCron = typeof payload === "object" && payload !== null && "_cron" in payload;
      const indexed = await indexQueuedContacts(db, { signal: helpers.abortSignal, yieldWhile: fromCron ? () => importRunning(db) : undefined });
      if (indexed) helpers.logger.info(`Indexed ${indexed} contacts for search`);
    },
    [EVENT_RANK_REFRESH_TASK]: async (_payload, helpers) => {
      const refreshed = await refreshStaleEventRanks(db, { signal: helpers.abortSignal });
      if (refreshed) helpers.logger.info(`Refreshed the event ranks of ${refreshed} contact/event pairs`);
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
  {
    task: "scores.nightly",
    identifier: "scores.nightly",
    match: "0 3 * * *",
    options: { backfillPeriod: 0, maxAttempts: 3, jobKey: "scores.nightly", jobKeyMode: "replace" },
  },
  {
    // Saved segments stay fresh: each is refreshed once its own interval (default hourly) has passed.
    task: "segments.refresh-due",
    identifier: "segments.refresh-due",
    match: "*/5 * * * *",
    options: { backfillPeriod: 0, maxAttempts: 1, jobKey: "segments.refresh-due", jobKeyMode: "replace" },
  },
  {
    // Contacts changed by ingest or edits; imports ask for a run as soon as they finish.
    task: CONTACT_SEARCH_INDEX_TASK,
    identifier: CONTACT_SEARCH_INDEX_TASK,
    match: "* * * * *",
    options: { backfillPeriod: 0, maxAttempts: 3, jobKey: CONTACT_SEARCH_INDEX_TASK, jobKeyMode: "replace" },
  },
  {
    // Contacts whose events changed; counts stay exact meanwhile, reading those from the events.
    task: EVENT_RANK_REFRESH_TASK,
    identifier: EVENT_RANK_REFRESH_TASK,
    match: "* * * * *",
    options: { backfillPeriod: 0, maxAttempts: 3, jobKey: EVENT_RANK_REFRESH_TASK, jobKeyMode: "replace" },
  },
]);
