import type { JobStatus } from "../db/generated/client";

export type RunProgress = { status: JobStatus; progressDone: number; progressTotal: number | null };

/**
 * Whole percent complete for a progress bar, or null when the total is unknown (an
 * indeterminate bar). A succeeded run is always 100, whatever it last reported.
 */
export function progressPercent(run: RunProgress): number | null {
  if (run.status === "succeeded") return 100;
  if (run.progressTotal === null || run.progressTotal <= 0) return null;
  const percent = Math.floor((run.progressDone / run.progressTotal) * 100);
  return Math.min(100, Math.max(0, percent));
}
