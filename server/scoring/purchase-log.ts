// Per-customer purchase features and labels from a flat purchase log, for time-split training of
// the propensity model and for the BG/NBD summaries. Rows may come in any order. Intervals are
// half-open: features see purchases with day < cut-off; a label window [from, from + days).
import type { CustomerHistories } from "./customer-history";
import { featureMatrix, type FeatureMatrix } from "./matrix";
import { propensityMatrix, purchaseLogSnapshots } from "./propensity-features";

/** Purchases: customer index (0..customers−1), time in days from any origin, and revenue. */
export type PurchaseLog = { customers: number; customer: Int32Array; day: Float64Array; amount: Float64Array };

/** The cluster model's features: buyers' purchase behaviour. */
export const PURCHASE_FEATURE_NAMES = ["recency_days", "frequency", "monetary", "tenure_days", "purchases_30d", "purchases_90d"] as const;

/** Features at `cutoffDay` for every customer; `active` marks those who bought before it. */
export function purchaseFeaturesAt(log: PurchaseLog, cutoffDay: number): { features: FeatureMatrix; active: Uint8Array } {
  const n = log.customers;
  const first = new Float64Array(n).fill(Infinity);
  const last = new Float64Array(n).fill(-Infinity);
  const count = new Float64Array(n);
  const spend = new Float64Array(n);
  const last30 = new Float64Array(n);
  const last90 = new Float64Array(n);
  for (let k = 0; k < log.day.length; k++) {
    const day = log.day[k]!;
    if (day >= cutoffDay) continue;
    const c = log.customer[k]!;
    if (day < first[c]!) first[c] = day;
    if (day > last[c]!) last[c] = day;
    count[c]!++;
    spend[c]! += log.amount[k]!;
    if (day >= cutoffDay - 30) last30[c]!++;
    if (day >= cutoffDay - 90) last90[c]!++;
  }
  const columns = PURCHASE_FEATURE_NAMES.length;
  const features = featureMatrix(n, columns);
  const active = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (count[c] === 0) continue;
    active[c] = 1;
    features.values.set([cutoffDay - last[c]!, count[c]!, spend[c]!, cutoffDay - first[c]!, last30[c]!, last90[c]!], c * columns);
  }
  return { features, active };
}

/** 1 for customers with a purchase in [fromDay, fromDay + days). */
export function purchasedInWindow(log: PurchaseLog, fromDay: number, days: number): Uint8Array {
  const labels = new Uint8Array(log.customers);
  for (let k = 0; k < log.day.length; k++) {
    const day = log.day[k]!;
    if (day >= fromDay && day < fromDay + days) labels[log.customer[k]!] = 1;
  }
  return labels;
}

export type LabelledSet = { customers: Uint32Array; features: FeatureMatrix; labels: Uint8Array };

/**
 * Propensity's time split of a purchase-only log: training features (PROPENSITY_FEATURE_NAMES)
 * at cut-off − horizon with labels in the horizon before the cut-off; held-out features at the
 * cut-off with labels in the horizon after it. Customers enter once they have bought (a purchase
 * log knows no one before that).
 */
export function propensityTimeSplit(log: PurchaseLog, cutoffDay: number, horizonDays = 30): { train: LabelledSet; test: LabelledSet } {
  return { train: labelledSet(log, cutoffDay - horizonDays, horizonDays), test: labelledSet(log, cutoffDay, horizonDays) };
}

function labelledSet(log: PurchaseLog, featureDay: number, horizonDays: number): LabelledSet {
  const { snapshots, active } = purchaseLogSnapshots(log, featureDay);
  const window = purchasedInWindow(log, featureDay, horizonDays);
  const customers = Uint32Array.from({ length: log.customers }, (_, c) => c).filter((c) => active[c] === 1);
  return {
    customers,
    features: propensityMatrix(Array.from(customers, (c) => snapshots[c]!), featureDay),
    labels: Uint8Array.from(customers, (c) => window[c]!),
  };
}

/**
 * BG/NBD summaries at `cutoffDay` in units of `unitDays` (7 for weeks), counting purchase days
 * (several purchases on one day are one transaction, as in the CDNOW summaries). Customers who
 * had not bought before the cut-off get age 0 and are left to the caller to skip.
 */
export function customerHistoriesAt(log: PurchaseLog, cutoffDay: number, unitDays = 1): CustomerHistories & { active: Uint8Array } {
  const n = log.customers;
  const order = Uint32Array.from({ length: log.day.length }, (_, k) => k).sort(
    (p, q) => log.customer[p]! - log.customer[q]! || log.day[p]! - log.day[q]!,
  );
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  const active = new Uint8Array(n);
  const first = new Float64Array(n);
  let previousCustomer = -1;
  let previousDay = NaN;
  for (const k of order) {
    const day = Math.floor(log.day[k]!);
    if (day >= cutoffDay) continue;
    const c = log.customer[k]!;
    if (c !== previousCustomer) {
      active[c] = 1;
      first[c] = day;
      age[c] = (cutoffDay - day) / unitDays;
    } else if (day !== previousDay) {
      frequency[c]!++;
      recency[c] = (day - first[c]!) / unitDays;
    }
    previousCustomer = c;
    previousDay = day;
  }
  return { frequency, recency, age, active };
}

/**
 * Gamma-Gamma's z̄ at `cutoffDay`: the mean value of a customer's repeat transactions — purchase
 * days after the first, each day's orders summed as one transaction, as customerHistoriesAt counts
 * them — and 0 for a customer with no repeat purchase (the model then predicts the population mean).
 */
export function repeatSpendAt(log: PurchaseLog, cutoffDay: number): Float64Array {
  const n = log.customers;
  const firstDay = new Float64Array(n).fill(Infinity);
  for (let k = 0; k < log.day.length; k++) {
    const day = Math.floor(log.day[k]!);
    if (day < cutoffDay && day < firstDay[log.customer[k]!]!) firstDay[log.customer[k]!] = day;
  }
  const repeatTotal = new Float64Array(n);
  const repeatDays = new Map<number, Set<number>>();
  for (let k = 0; k < log.day.length; k++) {
    const day = Math.floor(log.day[k]!);
    const c = log.customer[k]!;
    if (day >= cutoffDay || day === firstDay[c]) continue;
    repeatTotal[c]! += log.amount[k]!;
    let days = repeatDays.get(c);
    if (!days) repeatDays.set(c, (days = new Set()));
    days.add(day);
  }
  return repeatTotal.map((total, c) => (repeatDays.has(c) ? total / repeatDays.get(c)!.size : 0));
}
