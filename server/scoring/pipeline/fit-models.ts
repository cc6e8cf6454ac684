// The fit stage: every model fitted on the run's samples, each on its own — a model that cannot
// be fitted (too little data) is skipped with the reason, one whose optimizer does not converge
// is reported as failed, and neither stops the others.
import { bgNbdProbabilityOfPurchase, fitBgNbd } from "../bgnbd";
import { calibrationTable, logLoss, rocAuc, rocCurve } from "../classification-metrics";
import { describeClusters } from "../cluster-description";
import { ModelFitError } from "../errors";
import { fitGammaGamma } from "../gamma-gamma";
import { fitClusters } from "../kmeans";
import { fitLogisticRegression, predictProbabilities } from "../logistic-regression";
import { customerHistoriesAt, propensityTimeSplit, purchaseFeaturesAt } from "../purchase-log";
import { holdoutRecall } from "../recommendation-eval";
import { fitRecommender } from "../recommendations";
import { toLocalHistogram, workspaceHourPrior } from "../send-hour";
import type { ModelName, ModelReport, ModelReports, ScoreCharts } from "../store/views";
import { clusterInput } from "./contact-row";
import { MODEL_FEATURE_NAMES, MODEL_VERSIONS, PROPENSITY_HORIZON_DAYS, type FittedModels } from "./fitted-models";
import type { InteractionSample, PurchaseSample } from "./load-samples";

/** Fewer purchasers than this and the purchase models are skipped: their figures would be noise. */
export const MIN_PURCHASERS = 50;
const LOG_SCALED = ["recency_days", "frequency", "monetary", "tenure_days", "purchases_30d", "purchases_90d"];

export type FitInputs = {
  asOf: Date;
  purchases: PurchaseSample;
  interactions: InteractionSample;
  engagement: { hours: number[]; time_zone: string | null }[];
  seed: number;
};

export type FitOutcome = {
  fitted: Omit<FittedModels, "asOf" | "eventWatermark">;
  reports: Partial<ModelReports>;
  charts: Pick<ScoreCharts, "calibration" | "roc" | "clusters">;
};

type Attempt<T> = { value: T | null; report: ModelReport };

function attempt<T>(name: ModelName, fit: () => { value: T; converged: boolean; params?: Record<string, number>; validation?: Record<string, number> }): Attempt<T> {
  const version = MODEL_VERSIONS[name];
  try {
    const { value, converged, params, validation } = fit();
    if (!converged) return { value: null, report: { status: "failed", reason: "The optimizer did not converge; this run keeps no scores from it.", version, params, validation } };
    return { value, report: { status: "ok", version, params, validation } };
  } catch (error) {
    if (error instanceof ModelFitError) return { value: null, report: { status: "skipped", reason: error.message, version } };
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, report: { status: "failed", reason: `Fitting failed: ${message}`, version } };
  }
}

function requirePurchasers(count: number, model: string) {
  if (count < MIN_PURCHASERS) throw new ModelFitError("insufficient_data", `${model} needs at least ${MIN_PURCHASERS} contacts with a purchase (has ${count}).`);
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

export function fitModels({ asOf, purchases, interactions, engagement, seed }: FitInputs): FitOutcome {
  const nowDay = asOf.getTime() / 86_400_000;
  const { log } = purchases;
  const purchasers = log.customers;
  const histories = customerHistoriesAt(log, nowDay);

  const bgnbd = attempt("bgnbd", () => {
    requirePurchasers(purchasers, "BG/NBD");
    const fit = fitBgNbd(histories);
    const { r, alpha, a, b } = fit.params;
    return { value: fit.params, converged: fit.converged, params: { r: round(r), alpha: round(alpha), a: round(a), b: round(b) }, validation: { logLikelihood: round(fit.logLikelihood, 2), customers: fit.customers, iterations: fit.iterations } };
  });

  const monetary = new Float64Array(purchasers);
  const orders = new Float64Array(purchasers);
  for (let k = 0; k < log.day.length; k++) {
    monetary[log.customer[k]!]! += log.amount[k]!;
    orders[log.customer[k]!]!++;
  }
  for (let c = 0; c < purchasers; c++) monetary[c] = orders[c]! > 0 ? monetary[c]! / orders[c]! : 0;
  const gammaGamma = attempt("gammaGamma", () => {
    requirePurchasers(purchasers, "Gamma-Gamma");
    const fit = fitGammaGamma({ frequency: histories.frequency, monetary });
    const { p, q, gamma } = fit.params;
    return { value: fit.params, converged: fit.converged, params: { p: round(p), q: round(q), gamma: round(gamma) }, validation: { logLikelihood: round(fit.logLikelihood, 2), customers: fit.customers } };
  });

  const clvReport: ModelReport =
    bgnbd.value && gammaGamma.value
      ? { status: "ok", version: MODEL_VERSIONS.clv, params: { months: 12, monthlyDiscountRate: 0.01 } }
      : { status: "skipped", reason: "Needs both BG/NBD and Gamma-Gamma.", version: MODEL_VERSIONS.clv };

  let calibration: ScoreCharts["calibration"] = [];
  let roc: ScoreCharts["roc"] = [];
  const propensity = attempt("propensity", () => {
    requirePurchasers(purchasers, "Propensity");
    const cutoffDay = nowDay - PROPENSITY_HORIZON_DAYS;
    const { train, test } = propensityTimeSplit(log, cutoffDay, PROPENSITY_HORIZON_DAYS);
    const model = fitLogisticRegression(train.features, train.labels, { featureNames: MODEL_FEATURE_NAMES, logScaledFeatures: LOG_SCALED, l2: 1 });
    const predicted = predictProbabilities(model, test.features);
    const auc = rocAuc(predicted, test.labels);
    if (!Number.isFinite(auc)) throw new ModelFitError("insufficient_data", "Propensity needs buyers and non-buyers in the last 30 days to validate on.");
    const validation: Record<string, number> = { auc: round(auc), logLoss: round(logLoss(predicted, test.labels)), trainContacts: train.labels.length, testContacts: test.labels.length };
    // Baseline: BG/NBD's P(purchase in the next 30 days), fitted on the same cut-off.
    try {
      const atCutoff = customerHistoriesAt(log, cutoffDay);
      const active = Array.from(test.customers);
      const baselineFit = fitBgNbd({
        frequency: Float64Array.from(active, (c) => atCutoff.frequency[c]!),
        recency: Float64Array.from(active, (c) => atCutoff.recency[c]!),
        age: Float64Array.from(active, (c) => atCutoff.age[c]!),
      });
      const baseline = Float64Array.from(active, (c) =>
        bgNbdProbabilityOfPurchase(baselineFit.params, { frequency: atCutoff.frequency[c]!, recency: atCutoff.recency[c]!, age: atCutoff.age[c]! }, PROPENSITY_HORIZON_DAYS),
      );
      validation.bgnbdAuc = round(rocAuc(baseline, test.labels));
    } catch (error) {
      if (!(error instanceof ModelFitError)) throw error;
    }
    calibration = calibrationTable(predicted, test.labels).map((bin) => ({ bin: bin.bin, predicted: round(bin.meanPredicted), observed: round(bin.observedRate), count: bin.count }));
    roc = rocCurve(predicted, test.labels).map((point) => ({ fpr: round(point.falsePositiveRate), tpr: round(point.truePositiveRate) }));
    return { value: model, converged: model.converged, params: { l2: model.l2, features: model.featureNames.length }, validation };
  });

  let clusterChart: ScoreCharts["clusters"] = [];
  const clusters = attempt("clusters", () => {
    requirePurchasers(purchasers, "Clustering");
    const { features } = purchaseFeaturesAt(log, nowDay);
    for (let i = 0; i < features.rows; i++) {
      const row = features.values.subarray(i * features.columns, (i + 1) * features.columns);
      row.set(clusterInput(row));
    }
    const model = fitClusters(features, { featureNames: MODEL_FEATURE_NAMES, seed });
    const descriptions = describeClusters(model);
    const labels = descriptions.map((description, c) => `${c + 1}: ${description}`);
    clusterChart = model.centroids.map((centroid, c) => ({
      id: c,
      label: labels[c]!,
      size: model.sizes[c]!,
      description: descriptions[c]!,
      centroid: Object.fromEntries(model.featureNames.map((name, j) => [name, round(centroid[j]!, 3)])),
    }));
    const silhouette = Object.fromEntries(model.silhouetteByK.map(({ k, silhouette }) => [`silhouetteK${k}`, round(silhouette)]));
    return { value: { model, labels, descriptions }, converged: model.converged, params: { k: model.k }, validation: { silhouette: round(model.silhouette), ...silhouette } };
  });

  const recommender = attempt("recommendations", () => {
    if (interactions.products < 2 || interactions.contact.length === 0) throw new ModelFitError("insufficient_data", "Recommendations need product views or purchases of catalogue products.");
    const recall = holdoutRecall(interactions, { k: 10 });
    const model = fitRecommender(interactions);
    return {
      value: {
        productIds: interactions.productIds,
        neighborOffsets: Array.from(model.neighborOffsets),
        neighborIds: Array.from(model.neighborIds),
        neighborScores: Array.from(model.neighborScores, (s) => round(s, 6)),
        bestSellers: Array.from(model.bestSellers),
      },
      converged: true,
      params: { products: model.products, neighbors: 30, viewWeight: 0.25 },
      validation: { recallAt10: round(recall.recall), bestSellerRecallAt10: round(recall.bestSellerRecall), heldOutContacts: recall.contacts },
    };
  });

  const sendHour = attempt("sendHour", () => {
    if (engagement.length === 0) throw new ModelFitError("insufficient_data", "Best send hour needs email opens or clicks.");
    const totals = new Float64Array(24);
    for (const row of engagement) {
      const local = toLocalHistogram(row.hours, row.time_zone, asOf);
      for (let h = 0; h < 24; h++) totals[h]! += local[h]!;
    }
    const prior = workspaceHourPrior(totals);
    return { value: Array.from(prior, (p) => round(p, 6)), converged: true, params: { priorStrength: 10 }, validation: { sampledContacts: engagement.length } };
  });

  return {
    fitted: {
      bgnbd: bgnbd.value,
      gammaGamma: gammaGamma.value,
      propensity: propensity.value,
      clusters: clusters.value,
      recommender: recommender.value,
      sendHourPrior: sendHour.value,
    },
    reports: {
      bgnbd: bgnbd.report,
      gammaGamma: gammaGamma.report,
      clv: clvReport,
      propensity: propensity.report,
      clusters: clusters.report,
      recommendations: recommender.report,
      sendHour: sendHour.report,
    },
    charts: { calibration, roc, clusters: clusterChart },
  };
}
