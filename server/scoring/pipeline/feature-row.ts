// One contact_feature row as the pipeline reads it — from contact_feature for the apply stage,
// from the propensity cut-off passes for training — selected and mapped by the same code, so the
// propensity model sees at training exactly the features it will score with.
import type { ActivitySnapshot } from "../propensity-features";

const epochDays = (column: string) => `extract(epoch from ${column})::float8 / 86400`;

/**
 * The select list over contact_feature (or a table like it) aliased `f`; without hours, the three
 * histograms come back null (the propensity sample has no use for them, and parsing arrays is
 * most of what reading a row costs).
 */
export const featureColumnsSql = ({ hours }: { hours: boolean }) => `
  f.contact_id::text as contact_id, f.orders, f.purchase_days, f.monetary_total, f.repeat_monetary_total,
  ${epochDays("f.first_purchase_at")} as first_day, ${epochDays("f.last_purchase_at")} as last_day,
  ${epochDays("f.first_event_at")} as first_seen_day, ${epochDays("f.last_event_at")} as last_activity_day,
  f.purchases_7d, f.purchases_30d, f.purchases_90d, f.sessions_7d, f.sessions_30d, f.sessions_90d,
  f.views_7d, f.views_30d, f.views_90d, f.carts_7d, f.carts_30d, f.carts_90d,
  f.opens_7d, f.opens_30d, f.opens_90d, f.clicks_7d, f.clicks_30d, f.clicks_90d,
  ${hours ? "f.engagement_hours, f.activity_hours, f.purchase_hours" : "null::int[] as engagement_hours, null::int[] as activity_hours, null::int[] as purchase_hours"}`;

export type FeatureRecord = {
  contact_id: string;
  orders: number;
  purchase_days: number;
  monetary_total: number;
  repeat_monetary_total: number;
  first_day: number | null;
  last_day: number | null;
  first_seen_day: number | null;
  last_activity_day: number | null;
  purchases_7d: number;
  purchases_30d: number;
  purchases_90d: number;
  sessions_7d: number;
  sessions_30d: number;
  sessions_90d: number;
  views_7d: number;
  views_30d: number;
  views_90d: number;
  carts_7d: number;
  carts_30d: number;
  carts_90d: number;
  opens_7d: number;
  opens_30d: number;
  opens_90d: number;
  clicks_7d: number;
  clicks_30d: number;
  clicks_90d: number;
  engagement_hours: number[] | null;
  activity_hours: number[] | null;
  purchase_hours: number[] | null;
};

/** Purchase summaries beyond the propensity snapshot: what BG/NBD, Gamma-Gamma and the send hour read. */
export type ContactFeatures = ActivitySnapshot & {
  contactId: string;
  /** Distinct purchase days: BG/NBD's frequency is purchaseDays − 1. */
  purchaseDays: number;
  /** Order value on purchase days after the first (Gamma-Gamma's repeat transactions). */
  repeatMonetaryTotal: number;
  /** Per UTC hour: opens and clicks, site visits, orders. */
  engagementHours: number[];
  activityHours: number[];
  purchaseHours: number[];
};

export function toContactFeatures(record: FeatureRecord): ContactFeatures {
  return {
    contactId: record.contact_id,
    orders: record.orders,
    purchaseDays: record.purchase_days,
    monetaryTotal: record.monetary_total,
    repeatMonetaryTotal: record.repeat_monetary_total,
    firstPurchaseDay: record.first_day,
    lastPurchaseDay: record.last_day,
    firstSeenDay: record.first_seen_day,
    lastActivityDay: record.last_activity_day,
    purchases7d: record.purchases_7d,
    purchases30d: record.purchases_30d,
    purchases90d: record.purchases_90d,
    sessions7d: record.sessions_7d,
    sessions30d: record.sessions_30d,
    sessions90d: record.sessions_90d,
    views7d: record.views_7d,
    views30d: record.views_30d,
    views90d: record.views_90d,
    carts7d: record.carts_7d,
    carts30d: record.carts_30d,
    carts90d: record.carts_90d,
    opens7d: record.opens_7d,
    opens30d: record.opens_30d,
    opens90d: record.opens_90d,
    clicks7d: record.clicks_7d,
    clicks30d: record.clicks_30d,
    clicks90d: record.clicks_90d,
    engagementHours: record.engagement_hours ?? [],
    activityHours: record.activity_hours ?? [],
    purchaseHours: record.purchase_hours ?? [],
  };
}
