// Words and badge tones for scoring runs.
import type { ScoreRunSummary } from "./types";

export const RUN_STATUS_LABELS: Record<ScoreRunSummary["status"], string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
};

export const RUN_STATUS_TONES = { queued: "slate", running: "brand", succeeded: "green", failed: "red" } as const;

export const RUN_TRIGGER_LABELS: Record<ScoreRunSummary["trigger"], string> = {
  manual: "Started by hand",
  schedule: "Nightly schedule",
};

export const isRunActive = (run: Pick<ScoreRunSummary, "status">) => run.status === "queued" || run.status === "running";
