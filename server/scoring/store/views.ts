// What the scoring API answers: plain JSON view models (ids as strings), shared by the router,
// the Scores page and the contact page.

/** A run's stages, in order: its checkpoint counts the finished ones. */
export const SCORE_STAGES = ["features", "fit", "apply", "swap"] as const;
export type ScoreStage = (typeof SCORE_STAGES)[number];

export const MODEL_NAMES = ["rfm", "bgnbd", "gammaGamma", "clv", "propensity", "clusters", "recommendations", "sendHour"] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export type ModelStatus = "ok" | "skipped" | "failed";

export type ModelReport = {
  status: ModelStatus;
  /** Why the model was skipped or failed, in plain words. */
  reason?: string;
  version: string;
  params?: Record<string, number>;
  validation?: Record<string, number>;
};

export type ModelReports = Record<ModelName, ModelReport>;

export type ScoreCharts = {
  rfmGrid: { r: number; f: number; count: number; avgMonetary: number }[];
  rfmSegments: { segment: string; count: number }[];
  clvHistogram: { from: number; to: number; count: number }[];
  churnHistogram: { from: number; to: number; count: number }[];
  calibration: { bin: number; predicted: number; observed: number; count: number }[];
  roc: { fpr: number; tpr: number }[];
  clusters: { id: number; label: string; size: number; description: string; centroid: Record<string, number> }[];
  /** Contacts per best local send hour; priorOnly of them had no events and got the workspace's hour (absent before v2). */
  sendHours: { hour: number; count: number; priorOnly?: number }[];
};

export const EMPTY_CHARTS: ScoreCharts = {
  rfmGrid: [],
  rfmSegments: [],
  clvHistogram: [],
  churnHistogram: [],
  calibration: [],
  roc: [],
  clusters: [],
  sendHours: [],
};

export type ScoreRunStatus = "queued" | "running" | "succeeded" | "failed";
export type ScoreRunTrigger = "schedule" | "manual";

export type ScoreRunSummary = {
  id: string;
  status: ScoreRunStatus;
  trigger: ScoreRunTrigger;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  /** Seconds per stage finished so far. */
  stages: Record<string, number>;
  error: string | null;
};

export type LatestScores = {
  run: Omit<ScoreRunSummary, "error"> & { contacts: number };
  models: ModelReports;
  charts: ScoreCharts;
};

export type ContactFeaturesView = {
  recencyDays: number | null;
  frequency: number;
  monetaryTotal: number;
  monetaryAvg: number | null;
  tenureDays: number | null;
  purchases30d: number;
  sessions30d: number;
  opens30d: number;
  clicks30d: number;
  cartAbandonments: number;
  favouriteCategory: string | null;
};

export type ContactScoresView = {
  runId: string;
  computedAt: Date;
  rfm: { r: number; f: number; m: number; segment: string } | null;
  churnRisk: number | null;
  pAlive: number | null;
  expectedPurchases90d: number | null;
  expectedSpend: number | null;
  predictedClv: number | null;
  propensity30d: number | null;
  cluster: { id: number; label: string } | null;
  bestSendHour: number | null;
  timeZone: string | null;
  features: ContactFeaturesView;
  recommendations: { productId: string; name: string; category: string | null }[];
  explanation: string[];
};
