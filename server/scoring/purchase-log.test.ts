import { describe, expect, it } from "vitest";
import { PROPENSITY_FEATURE_NAMES } from "./propensity-features";
import { customerHistoriesAt, repeatSpendAt, PURCHASE_FEATURE_NAMES, propensityTimeSplit, purchasedInWindow, purchaseFeaturesAt, type PurchaseLog } from "./purchase-log";

// Out of order on purpose; customer 2 never buys, customer 1 has a refund.
const log: PurchaseLog = {
  customers: 3,
  customer: Int32Array.of(0, 1, 0, 0, 1, 0, 0),
  day: Float64Array.of(50, 80, 10, 10, 95, 100, 130),
  amount: Float64Array.of(20, 30, 5, 15, -30, 40, 25),
};

describe("purchaseFeaturesAt", () => {
  it("summarizes purchases strictly before the cut-off", () => {
    const { features, active } = purchaseFeaturesAt(log, 100);
    const row = (c: number) => Object.fromEntries(PURCHASE_FEATURE_NAMES.map((name, j) => [name, features.values[c * 6 + j]]));
    expect(row(0)).toEqual({ recency_days: 50, frequency: 3, monetary: 40, tenure_days: 90, purchases_30d: 0, purchases_90d: 3 });
    expect(row(1)).toEqual({ recency_days: 5, frequency: 2, monetary: 0, tenure_days: 20, purchases_30d: 2, purchases_90d: 2 });
    expect([...active]).toEqual([1, 1, 0]);
  });
});

describe("purchasedInWindow", () => {
  it("labels purchases in [from, from + days)", () => {
    expect([...purchasedInWindow(log, 100, 30)]).toEqual([1, 0, 0]);
    expect([...purchasedInWindow(log, 70, 30)]).toEqual([0, 1, 0]);
    expect([...purchasedInWindow(log, 131, 30)]).toEqual([0, 0, 0]);
  });
});

describe("propensityTimeSplit", () => {
  it("trains on the horizon before the cut-off and holds out the horizon after it", () => {
    const { train, test } = propensityTimeSplit(log, 100, 30);
    // Customer 1 first bought on day 80, after the training features' date (day 70).
    expect([...train.customers]).toEqual([0]);
    expect([...train.labels]).toEqual([0]);
    const daysSincePurchase = PROPENSITY_FEATURE_NAMES.indexOf("days_since_purchase");
    expect(train.features.values[daysSincePurchase]).toBe(20); // customer 0 at day 70: last bought day 50
    expect([...test.customers]).toEqual([0, 1]);
    expect([...test.labels]).toEqual([1, 0]);
  });
});

describe("customerHistoriesAt", () => {
  it("counts repeat purchase days, not rows, in the chosen time unit", () => {
    const histories = customerHistoriesAt(log, 140, 10);
    expect([...histories.frequency]).toEqual([3, 1, 0]);
    expect([...histories.recency]).toEqual([12, 1.5, 0]);
    expect([...histories.age]).toEqual([13, 6, 0]);
    expect([...histories.active]).toEqual([1, 1, 0]);
  });
});

describe("repeatSpendAt", () => {
  it("averages the repeat purchase days' totals, leaving out the first purchase day", () => {
    // Customer 0 bought 5 + 15 on day 10 (first), 20 on day 50, 40 on day 100, 25 on day 130.
    expect([...repeatSpendAt(log, 140)]).toEqual([(20 + 40 + 25) / 3, -30, 0]);
    expect([...repeatSpendAt(log, 100)]).toEqual([20, -30, 0]);
  });

  it("is 0 for a customer whose purchases all fell on the first day", () => {
    expect([...repeatSpendAt(log, 50)]).toEqual([0, 0, 0]);
  });
});
