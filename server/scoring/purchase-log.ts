// Per-customer purchase features and labels from a flat purchase log, for time-split training of
// the propensity model and for the BG/NBD summaries. Rows may come in any order. Intervals are
// half-open: features see purchases with day < cut-off; a label window [from, from + days).
import type { CustomerHistories } from "./customer-history";
import { featureMatrix, type FeatureMatrix } from "./matrix";

/** Purchases: customer index (0..customers−1), time in days from any origin, and revenue. */
export type PurchaseLog = { customers: number; customer: Int32Array; day: Float64Array; amount: Float64Array };

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
 * Training set: features at cut-off − horizon, labels in the horizon before the cut-off; held-out
 * set: features at the cut-off, labels in the horizon after it. Only customers who had bought
 * before the respective feature date are included.
 */
export function propensityTimeSplit(log: PurchaseLog, cutoffDay: number, horizonDays = 30): { train: LabelledSet; test: LabelledSet } {
  return { train: labelledSet(log, cutoffDay - horizonDays, horizonDays), test: labelledSet(log, cutoffDay, horizonDays) };
}

function labelledSet(log: PurchaseLog, featureDay: number, horizonDays: number): LabelledSet {
  const { features, active } = purchaseFeaturesAt(log, featureDay);
  const window = purchasedInWindow(log, featureDay, horizonDays);
  let size = 0;
  for (let c = 0; c < log.customers; c++) size += active[c]!;
  const customers = new Uint32Array(size);
  const labels = new Uint8Array(size);
  const selected = featureMatrix(size, features.columns);
  for (let c = 0, k = 0; c < log.customers; c++) {
    if (!active[c]) continue;
    customers[k] = c;
    labels[k] = window[c]!;
    selected.values.set(features.values.subarray(c * features.columns, (c + 1) * features.columns), k * features.columns);
    k++;
  }
  return { customers, features: selected, labels };
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
