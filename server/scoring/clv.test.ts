import { describe, expect, it } from "vitest";
import { bgNbdExpectedPurchases } from "./bgnbd";
import { predictedClv } from "./clv";

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { frequency: 2, recency: 30.43, age: 38.86 };

describe("predictedClv", () => {
  it("equals expected spend times expected purchases over the horizon without discounting", () => {
    const clv = predictedClv(bgNbd, customer, 24.65, { periods: 12, periodLength: 4.345, discountRatePerPeriod: 0 });
    expect(clv).toBeCloseTo(24.65 * bgNbdExpectedPurchases(bgNbd, customer, 12 * 4.345), 10);
  });

  it("is lower with discounting and grows with the horizon", () => {
    const year = { periods: 12, periodLength: 4.345, discountRatePerPeriod: 0.01 };
    const discounted = predictedClv(bgNbd, customer, 24.65, year);
    expect(discounted).toBeLessThan(predictedClv(bgNbd, customer, 24.65, { ...year, discountRatePerPeriod: 0 }));
    expect(predictedClv(bgNbd, customer, 24.65, { ...year, periods: 24 })).toBeGreaterThan(discounted);
    expect(predictedClv(bgNbd, customer, 24.65, { ...year, periods: 0 })).toBe(0);
  });
});
