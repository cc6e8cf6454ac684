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
import type { CustomerHistory } from "../customer-history";
import { PROPENSITY_FEATURE_NAMES, PROPENSITY_LOG_SCALED, propensityMatrix } from "../propensity-features";
import { customerHistoriesAt, purchaseFeaturesAt, repeatSpendAt } from "../purchase-log";
import { holdoutRecall } from "../recommendation-eval";
import { fitRecommender } from "../recommendations";
import { PRIOR_STRENGTH, SEND_HOUR_WEIGHTS, sendHourCounts, toLocalHistogram, workspaceHourPrior } from "../send-hour";
import type { ModelName, ModelReport, ModelReports, ScoreCharts } from "../store/views";
import { clusterInput, historyOf } from "./contact-row";
import { CLUSTER_FEATURE_NAMES, MODEL_VERSIONS, PROPENSITY_HORIZON_DAYS, type FittedModels } from "./fitted-models";
import type { PropensitySample, PropensitySet } from "./load-propensity-sample";
import type { HourSample, InteractionSample, PurchaseSample } from "./load-samples";

/** Fewer purchasers than this and the purchase models are skipped: their figures would be noise. */
export const MIN_PURCHASERS = 50;

export type FitInputs = {
  asOf: Date;
  purchases: PurchaseSample;
  propensitySample: PropensitySample;
  interactions: InteractionSample;
  engagement: HourSample;
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

/**
 * The baseline beside propensity: BG/NBD's P(purchase in the horizon), fitted at the held-out
 * cut-off. BG/NBD only knows contacts who have bought, so both AUCs are taken on those
 * (`purchaserAuc` and `bgnbdAuc`); empty when they are too few to fit.
 */
function bgNbdBaseline(test: PropensitySet, predicted: Float64Array): Record<string, number> {
  const buyers: number[] = [];
  const histories: CustomerHistory[] = [];
  test.contacts.forEach((contact, i) => {
    const history = historyOf(contact, test.featureDay);
    if (!history) return;
    buyers.push(i);
    histories.push(history);
  });
  try {
    const fit = fitBgNbd({
      frequency: Float64Array.from(histories, (h) => h.frequency),
      recency: Float64Array.from(histories, (h) => h.recency),
      age: Float64Array.from(histories, (h) => h.age),
    });
    const labels = Uint8Array.from(buyers, (i) => test.labels[i]!);
    const baseline = Float64Array.from(histories, (history) => bgNbdProbabilityOfPurchase(fit.params, history, PROPENSITY_HORIZON_DAYS));
    const purchaserAuc = rocAuc(Float64Array.from(buyers, (i) => predicted[i]!), labels);
    const bgnbdAuc = rocAuc(baseline, labels);
    return Number.isFinite(purchaserAuc) && Number.isFinite(bgnbdAuc) ? { purchaserAuc: round(purchaserAuc), bgnbdAuc: round(bgnbdAuc), testPurchasers: buyers.length } : {};
  } catch (error) {
    if (error instanceof ModelFitError) return {};
    throw error;
  }
}

export function fitModels({ asOf, purchases, propensitySample, interactions, engagement, seed }: FitInputs): FitOutcome {
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

  const gammaGamma = attempt("gammaGamma", () => {
    requirePurchasers(purchasers, "Gamma-Gamma");
    const fit = fitGammaGamma({ frequency: histories.frequency, monetary: repeatSpendAt(log, nowDay) });
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
    const { train, test } = propensitySample;
    const model = fitLogisticRegression(propensityMatrix(train.contacts, train.featureDay), train.labels, {
      featureNames: PROPENSITY_FEATURE_NAMES,
      logScaledFeatures: PROPENSITY_LOG_SCALED,
      l2: 1,
    });
    const predicted = predictProbabilities(model, propensityMatrix(test.contacts, test.featureDay));
    const auc = rocAuc(predicted, test.labels);
    if (!Number.isFinite(auc)) throw new ModelFitError("insufficient_data", "Propensity needs buyers and non-buyers in the last 30 days to validate on.");
    const validation: Record<string, number> = {
      auc: round(auc),
      logLoss: round(logLoss(predicted, test.labels)),
      trainContacts: train.labels.length,
      testContacts: test.labels.length,
      testBuyers: test.labels.reduce((sum, label) => sum + label, 0),
    };
    Object.assign(validation, bgNbdBaseline(test, predicted));
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
    const model = fitClusters(features, { featureNames: CLUSTER_FEATURE_NAMES, seed });
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
    if (engagement.length === 0) throw new ModelFitError("insufficient_data", "Best send hour needs email opens or clicks, site visits or orders.");
    const prior = workspaceHourPrior(
      engagement.map((row) => toLocalHistogram(sendHourCounts({ engagement: row.engagement_hours, visits: row.activity_hours, orders: row.purchase_hours }), row.time_zone, asOf)),
    );
    return {
      value: Array.from(prior, (p) => round(p, 6)),
      converged: true,
      params: { priorStrength: PRIOR_STRENGTH, engagementWeight: SEND_HOUR_WEIGHTS.engagement, visitWeight: SEND_HOUR_WEIGHTS.visits, orderWeight: SEND_HOUR_WEIGHTS.orders },
      validation: { sampledContacts: engagement.length, priorPeakShare: round(Math.max(...prior)) },
    };
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
