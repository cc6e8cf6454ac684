// Scores one contact from its feature row with the run's fitted models: pure, so the apply stage
// can stream a million rows through it and tests can check it row by row.
import { bgNbdExpectedPurchases, bgNbdProbabilityAlive, type BgNbdParams } from "../bgnbd";
import type { CustomerHistory } from "../customer-history";
import { gammaGammaExpectedSpend } from "../gamma-gamma";
import { assignCluster } from "../kmeans";
import { predictProbability } from "../logistic-regression";
import { createRecommender } from "../recommendations";
import { rfmSegment } from "../rfm";
import { propensityFeatures } from "../propensity-features";
import { bestSendHour, HOURS, sendHourCounts, toLocalHistogram } from "../send-hour";
import type { ContactFeatures } from "./feature-row";
import { CLV_HORIZON, EXPECTED_PURCHASES_DAYS, type FittedModels } from "./fitted-models";

const DAY_MS = 86_400_000;
const RECOMMENDATIONS = 10;
const VIEW_WEIGHT = 0.25;

/** A contact's features as the apply stage reads them, with its time zone, RFM scores and recent products. */
export type ContactRow = ContactFeatures & {
  timeZone: string | null;
  rfm: { r: number; f: number; m: number } | null;
  /** Recently viewed or bought catalogue products (ids as text), with whether bought. */
  products: string[];
  purchased: boolean[];
};

export type ContactScores = {
  contactId: string;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  rfmSegment: string | null;
  probabilityAlive: number | null;
  churnRisk: number | null;
  expectedPurchases90d: number | null;
  expectedSpend: number | null;
  predictedClv: number | null;
  propensity30d: number | null;
  cluster: number | null;
  clusterLabel: string | null;
  bestSendHour: number | null;
  recommendations: string[];
};

/** signed log1p on every feature: counts and spend are heavy-tailed, k-means wants them even. */
export function clusterInput(features: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: features.length }, (_, j) => Math.sign(features[j]!) * Math.log1p(Math.abs(features[j]!)));
}

/** BG/NBD's summary in days: repeat purchase days, first to last purchase day, first purchase day to now. */
export function historyOf(row: Pick<ContactFeatures, "orders" | "purchaseDays" | "firstPurchaseDay" | "lastPurchaseDay">, nowDay: number): CustomerHistory | null {
  if (row.orders === 0 || row.firstPurchaseDay === null || row.lastPurchaseDay === null) return null;
  const first = Math.floor(row.firstPurchaseDay);
  return { frequency: Math.max(0, row.purchaseDays - 1), recency: Math.floor(row.lastPurchaseDay) - first, age: Math.max(nowDay - first, 1e-6) };
}

/** A buyer's cluster features (CLUSTER_FEATURE_NAMES order) as of `nowDay`. */
export function clusterFeatures(row: ContactRow, nowDay: number): number[] {
  return [nowDay - row.lastPurchaseDay!, row.orders, row.monetaryTotal, nowDay - row.firstPurchaseDay!, row.purchases30d, row.purchases90d];
}

type BgNbdOutputs = { alive: number; expected90d: number; clvPurchases: number[] };

/** BG/NBD figures depend on (x, t_x, T) only, and whole days repeat a lot: cache them. */
function bgNbdCache(params: BgNbdParams) {
  const cache = new Map<string, BgNbdOutputs>();
  return (history: CustomerHistory): BgNbdOutputs => {
    const key = `${history.frequency}|${history.recency}|${Math.round(history.age * 100)}`;
    let outputs = cache.get(key);
    if (!outputs) {
      const clvPurchases: number[] = [];
      for (let k = 1; k <= CLV_HORIZON.periods; k++) clvPurchases.push(bgNbdExpectedPurchases(params, history, k * CLV_HORIZON.periodLength));
      outputs = { alive: bgNbdProbabilityAlive(params, history), expected90d: bgNbdExpectedPurchases(params, history, EXPECTED_PURCHASES_DAYS), clvPurchases };
      if (cache.size > 500_000) cache.clear();
      cache.set(key, outputs);
    }
    return outputs;
  };
}

/** Discounted CLV from cumulative expected purchases per period (the sum in clv.ts). */
function discountedValue(cumulative: number[], spend: number): number {
  let value = 0;
  let previous = 0;
  cumulative.forEach((purchases, k) => {
    value += (spend * (purchases - previous)) / (1 + CLV_HORIZON.discountRatePerPeriod) ** (k + 1);
    previous = purchases;
  });
  return value;
}

export function createContactScorer(fitted: FittedModels) {
  const nowDay = new Date(fitted.asOf).getTime() / DAY_MS;
  const asOf = new Date(fitted.asOf);
  const bgNbd = fitted.bgnbd ? bgNbdCache(fitted.bgnbd) : null;
  const utcCounts = new Float64Array(HOURS);
  const localCounts = new Float64Array(HOURS);
  const recommenderModel = fitted.recommender;
  const productIndex = new Map(recommenderModel?.productIds.map((id, i) => [id, i]) ?? []);
  const recommend = recommenderModel
    ? createRecommender({
        products: recommenderModel.productIds.length,
        neighborOffsets: Int32Array.from(recommenderModel.neighborOffsets),
        neighborIds: Int32Array.from(recommenderModel.neighborIds),
        neighborScores: Float32Array.from(recommenderModel.neighborScores),
        bestSellers: Int32Array.from(recommenderModel.bestSellers),
      })
    : null;

  return (row: ContactRow): ContactScores => {
    const history = historyOf(row, nowDay);
    const bg = bgNbd && history ? bgNbd(history) : null;
    // Gamma-Gamma's z̄ is the mean repeat transaction; with none, the model predicts the population mean.
    const repeatSpend = row.purchaseDays > 1 ? row.repeatMonetaryTotal / (row.purchaseDays - 1) : 0;
    const expectedSpend = fitted.gammaGamma && history ? gammaGammaExpectedSpend(fitted.gammaGamma, history.frequency, repeatSpend) : null;
    const clusterIndex = fitted.clusters && history ? assignCluster(fitted.clusters.model, clusterInput(clusterFeatures(row, nowDay))) : null;

    let sendHour: number | null = null;
    if (fitted.sendHourPrior) {
      sendHourCounts({ engagement: row.engagementHours, visits: row.activityHours, orders: row.purchaseHours }, utcCounts);
      sendHour = bestSendHour(toLocalHistogram(utcCounts, row.timeZone, asOf, localCounts), fitted.sendHourPrior).hour;
    }

    let recommendations: string[] = [];
    if (recommend && recommenderModel) {
      const products: number[] = [];
      const weights: number[] = [];
      const bought: number[] = [];
      row.products.forEach((id, k) => {
        const index = productIndex.get(id);
        if (index === undefined) return;
        products.push(index);
        weights.push(row.purchased[k] ? 1 : VIEW_WEIGHT);
        if (row.purchased[k]) bought.push(index);
      });
      recommendations = recommend({ products, weights, bought }, RECOMMENDATIONS).map((i) => recommenderModel.productIds[i]!);
    }

    return {
      contactId: row.contactId,
      rfmRecency: row.rfm?.r ?? null,
      rfmFrequency: row.rfm?.f ?? null,
      rfmMonetary: row.rfm?.m ?? null,
      rfmSegment: row.rfm ? rfmSegment(row.rfm.r, row.rfm.f, row.orders) : null,
      probabilityAlive: bg?.alive ?? null,
      churnRisk: bg ? 1 - bg.alive : null,
      expectedPurchases90d: bg?.expected90d ?? null,
      expectedSpend,
      predictedClv: bg && expectedSpend !== null ? discountedValue(bg.clvPurchases, expectedSpend) : null,
      propensity30d: fitted.propensity ? predictProbability(fitted.propensity, propensityFeatures(row, nowDay)) : null,
      cluster: clusterIndex,
      clusterLabel: clusterIndex !== null ? fitted.clusters!.labels[clusterIndex]! : null,
      bestSendHour: sendHour,
      recommendations,
    };
  };
}
