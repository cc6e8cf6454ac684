import { Logger } from "graphile-worker";

/**
 * graphile-worker's logger, keeping warnings and errors only: its per-job "Completed task" lines
 * would drown everything else. Job progress and outcomes live in `job_run` instead.
 */
export const quietLogger = new Logger(() => (level, message) => {
  const severity: string = level;
  if (severity === "error") console.error(`[worker] ${message}`);
  else if (severity === "warning") console.warn(`[worker] ${message}`);
});
