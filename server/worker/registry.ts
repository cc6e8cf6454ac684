import type { TaskList } from "graphile-worker";
import type { Db } from "../db/client";
import { createCronTaskList } from "./schedule";
import { demoCount } from "./tasks/demo-count";
import { importRun } from "./tasks/import-run";
import { scoreRun } from "./tasks/score-run";
import { segmentRefresh } from "./tasks/segment-refresh";
import { trackedTask } from "./tracked";

/** Tasks a user can start: each runs with a `job_run` row that tracks it. */
export const TASKS = {
  "demo.count": demoCount,
  "import.run": importRun,
  "scores.run": scoreRun,
  "segment.refresh": segmentRefresh,
} as const;

export type TaskName = keyof typeof TASKS;

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASKS, name);
}

/** The handlers graphile-worker runs: tracked tasks through the tracking wrapper, cron tasks as they are. */
export function createTaskList(db: Db): TaskList {
  const tracked = Object.fromEntries(
    Object.entries(TASKS).map(([name, definition]) => [name, trackedTask(db, definition)]),
  );
  return { ...tracked, ...createCronTaskList(db) };
}
