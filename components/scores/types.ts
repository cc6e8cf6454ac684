// The Scores UI reads the view models of the `scores` tRPC router (server/scoring/store/views.ts).
import type { ModelName, ScoreCharts } from "@/server/scoring/store/views";

export type {
  ContactScoresView,
  LatestScores,
  ModelReport,
  ScoreCharts,
  ScoreRunStatus,
  ScoreRunSummary,
} from "@/server/scoring/store/views";

export type ModelKey = ModelName;
export type HistogramBin = ScoreCharts["clvHistogram"][number];
