// Purchase propensity's features: one vector per contact from its activity as of a day, defined
// alike for buyers and for contacts who never bought (or never did anything), so the model is
// trained on and scores every contact. Days are days since the Unix epoch (UTC).
import { featureMatrix, type FeatureMatrix } from "./matrix";
import type { PurchaseLog } from "./purchase-log";

/** What the feature pass knows about a contact as of a day (contact_feature's columns). */
export type ActivitySnapshot = {
  orders: number;
  monetaryTotal: number;
  firstPurchaseDay: number | null;
  lastPurchaseDay: number | null;
  purchases7d: number;
  purchases30d: number;
  purchases90d: number;
  /** Sign-up or first sighting. */
  firstSeenDay: number | null;
  /** Latest order, email open or click, visit, product view or cart addition. */
  lastActivityDay: number | null;
  sessions7d: number;
  sessions30d: number;
  sessions90d: number;
  views7d: number;
  views30d: number;
  views90d: number;
  carts7d: number;
  carts30d: number;
  carts90d: number;
  opens7d: number;
  opens30d: number;
  opens90d: number;
  clicks7d: number;
  clicks30d: number;
  clicks90d: number;
};

const WINDOWED = ["purchases", "sessions", "views", "carts", "opens", "clicks"] as const;
const WINDOWS = [7, 30, 90] as const;

export const PROPENSITY_FEATURE_NAMES = [
  "has_purchased",
  "days_since_purchase",
  "orders",
  "monetary",
  "tenure_days",
  "days_since_activity",
  ...WINDOWED.flatMap((kind) => WINDOWS.map((days) => `${kind}_${days}d`)),
];

/** Counts, spend and durations are heavy-tailed: the model sees them through sign(v)·ln(1 + |v|). */
export const PROPENSITY_LOG_SCALED = PROPENSITY_FEATURE_NAMES.filter((name) => name !== "has_purchased");

/**
 * The feature vector (PROPENSITY_FEATURE_NAMES order) as of `nowDay`. A contact who never bought
 * has has_purchased 0 and days_since_purchase 0, so that coefficient speaks for buyers only; the
 * sign-up counts as activity, so days_since_activity is the time since the contact was last seen
 * doing anything, and 0 only for someone seen today.
 */
export function propensityFeatures(snapshot: ActivitySnapshot, nowDay: number): number[] {
  const purchased = snapshot.orders > 0 && snapshot.lastPurchaseDay !== null;
  const since = (day: number | null) => (day === null ? 0 : Math.max(0, nowDay - day));
  const lastSeen = Math.max(snapshot.lastActivityDay ?? -Infinity, snapshot.firstSeenDay ?? -Infinity, snapshot.lastPurchaseDay ?? -Infinity);
  const firstSeen = Math.min(snapshot.firstSeenDay ?? Infinity, snapshot.firstPurchaseDay ?? Infinity);
  return [
    purchased ? 1 : 0,
    purchased ? since(snapshot.lastPurchaseDay) : 0,
    snapshot.orders,
    snapshot.monetaryTotal,
    Number.isFinite(firstSeen) ? since(firstSeen) : 0,
    Number.isFinite(lastSeen) ? since(lastSeen) : 0,
    ...WINDOWED.flatMap((kind) => WINDOWS.map((days) => snapshot[`${kind}${days}d` as const])),
  ];
}

export function propensityMatrix(snapshots: readonly ActivitySnapshot[], nowDay: number): FeatureMatrix {
  const matrix = featureMatrix(snapshots.length, PROPENSITY_FEATURE_NAMES.length);
  snapshots.forEach((snapshot, i) => matrix.values.set(propensityFeatures(snapshot, nowDay), i * matrix.columns));
  return matrix;
}

/** A snapshot with nothing in it: a contact seen on `firstSeenDay` and never since. */
export function emptySnapshot(firstSeenDay: number | null): ActivitySnapshot {
  const snapshot: ActivitySnapshot = {
    orders: 0,
    monetaryTotal: 0,
    firstPurchaseDay: null,
    lastPurchaseDay: null,
    purchases7d: 0,
    purchases30d: 0,
    purchases90d: 0,
    firstSeenDay,
    lastActivityDay: null,
    sessions7d: 0,
    sessions30d: 0,
    sessions90d: 0,
    views7d: 0,
    views30d: 0,
    views90d: 0,
    carts7d: 0,
    carts30d: 0,
    carts90d: 0,
    opens7d: 0,
    opens30d: 0,
    opens90d: 0,
    clicks7d: 0,
    clicks30d: 0,
    clicks90d: 0,
  };
  return snapshot;
}

/**
 * Snapshots at `cutoffDay` of every customer of a purchase-only log (CDNOW): purchases strictly
 * before the cut-off, the first purchase as first sighting, no browsing or email activity.
 * `active` marks customers who had bought before the cut-off.
 */
export function purchaseLogSnapshots(log: PurchaseLog, cutoffDay: number): { snapshots: ActivitySnapshot[]; active: Uint8Array } {
  const snapshots = Array.from({ length: log.customers }, () => emptySnapshot(null));
  const active = new Uint8Array(log.customers);
  for (let k = 0; k < log.day.length; k++) {
    const day = log.day[k]!;
    if (day >= cutoffDay) continue;
    const snapshot = snapshots[log.customer[k]!]!;
    active[log.customer[k]!] = 1;
    snapshot.orders++;
    snapshot.monetaryTotal += log.amount[k]!;
    snapshot.firstPurchaseDay = Math.min(snapshot.firstPurchaseDay ?? Infinity, day);
    snapshot.lastPurchaseDay = Math.max(snapshot.lastPurchaseDay ?? -Infinity, day);
    if (day >= cutoffDay - 7) snapshot.purchases7d++;
    if (day >= cutoffDay - 30) snapshot.purchases30d++;
    if (day >= cutoffDay - 90) snapshot.purchases90d++;
  }
  for (const snapshot of snapshots) {
    snapshot.firstSeenDay = snapshot.firstPurchaseDay;
    snapshot.lastActivityDay = snapshot.lastPurchaseDay;
  }
  return { snapshots, active };
}
