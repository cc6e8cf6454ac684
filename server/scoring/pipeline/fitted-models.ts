// The fitted state a run keeps (score_run.fitted, plain JSON) between its fit and apply stages.
import type { BgNbdParams } from "../bgnbd";
import type { ClvHorizon } from "../clv";
import type { GammaGammaParams } from "../gamma-gamma";
import type { ClusterModel } from "../kmeans";
import type { LogisticModel } from "../logistic-regression";
import { PURCHASE_FEATURE_NAMES } from "../purchase-log";

export const MODEL_VERSIONS = {
  rfm: "rfm-ntile@2",
  bgnbd: "bgnbd-mle@1",
  gammaGamma: "gamma-gamma-repeat-mle@2",
  clv: "clv-12x30d@1",
  propensity: "logistic-l2-30d-all-contacts@2",
  clusters: "kmeans-silhouette@1",
  recommendations: "item-cosine@1",
  sendHour: "dirichlet-hour-activity@2",
} as const;

/**
 * Version of contact_feature's definition. A run whose previous run computed features under
 * another version makes a full pass: an incremental one would keep stale rows.
 */
export const FEATURE_VERSION = 2;

/** Predicted value over 12 months of 30 days, discounted 1 % a month (≈ 12.7 % a year). */
export const CLV_HORIZON: ClvHorizon = { periods: 12, periodLength: 30, discountRatePerPeriod: 0.01 };
export const EXPECTED_PURCHASES_DAYS = 90;
export const PROPENSITY_HORIZON_DAYS = 30;

/** Features of the cluster model (buyers only), in PURCHASE_FEATURE_NAMES order. */
export const CLUSTER_FEATURE_NAMES = [...PURCHASE_FEATURE_NAMES];

export type StoredRecommender = {
  /** Catalogue product ids (text) of model indices. */
  productIds: string[];
  neighborOffsets: number[];
  neighborIds: number[];
  neighborScores: number[];
  bestSellers: number[];
};

export type StoredClusters = { model: ClusterModel; labels: string[]; descriptions: string[] };

export type FittedModels = {
  /** The run's as-of time (ISO): every stage, resumed or not, scores as of this instant. */
  asOf: string;
  /** Highest event id the feature pass saw; the next run's incremental pass starts after it. */
  eventWatermark: string | null;
  /** FEATURE_VERSION of the run's feature pass (absent before version 2). */
  featureVersion?: number;
  bgnbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  propensity: LogisticModel | null;
  clusters: StoredClusters | null;
  recommender: StoredRecommender | null;
  sendHourPrior: number[] | null;
};
