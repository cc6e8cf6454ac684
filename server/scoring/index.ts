// The scoring models: pure functions over plain (typed) arrays. The worker fits them on samples
// of SQL features and stores the fitted models (plain JSON) with each run; the apply functions
// score one contact's features.
export * from "./bgnbd";
export * from "./classification-metrics";
export * from "./cluster-description";
export * from "./clv";
export { compressCustomerHistories, type CustomerHistories, type CustomerHistory } from "./customer-history";
export * from "./errors";
export * from "./gamma-gamma";
export { assignCluster, fitClusters, type ClusterModel, type ClusterOptions } from "./kmeans";
export * from "./logistic-regression";
export type { FeatureMatrix, Standardizer } from "./matrix";
export * from "./purchase-log";
export * from "./recommendation-eval";
export * from "./recommendations";
export * from "./rfm";
export * from "./send-hour";
export * from "./summary-csv";
// Data access other domains use: scores for email tokens and sends.
export { loadContactScores, SCORE_TOKENS, type ContactScoreTokens, type ScoreToken } from "./store/load-contact-scores";
