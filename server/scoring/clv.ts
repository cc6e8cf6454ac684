import { bgNbdExpectedPurchases, type BgNbdParams } from "./bgnbd";
import type { CustomerHistory } from "./customer-history";

export type ClvHorizon = {
  /** Number of periods to sum over (e.g. 12 months). */
  periods: number;
  /** Length of one period in the BG/NBD time unit (e.g. 30 for months when fitted in days). */
  periodLength: number;
  /** Discount rate per period (e.g. 0.01 per month ≈ 12.7 % a year). */
  discountRatePerPeriod: number;
};

/**
 * Predicted customer lifetime value over a finite horizon, discounted per period:
 *
 *   CLV = Σ_{k=1..K} E[M] · (E[X(kΔ)] − E[X((k−1)Δ)]) / (1 + d)^k
 *
 * with E[X(t)] the BG/NBD expected purchases in the next t given the history (eq. 10 of Fader,
 * Hardie & Lee 2005, Marketing Science) and E[M] the Gamma-Gamma expected spend per transaction.
 * This is the discrete form of the discounted expected transactions of Fader, Hardie & Lee,
 * "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis" (JMR 2005), as computed by the
 * `lifetimes` package (`customer_lifetime_value`); spend and transactions are independent in the
 * Gamma-Gamma model, so the expectation of the product is the product of expectations.
 */
export function predictedClv(bgNbd: BgNbdParams, customer: CustomerHistory, expectedSpend: number, horizon: ClvHorizon): number {
  let value = 0;
  let previous = 0;
  for (let k = 1; k <= horizon.periods; k++) {
    const cumulative = bgNbdExpectedPurchases(bgNbd, customer, k * horizon.periodLength);
    value += (expectedSpend * (cumulative - previous)) / (1 + horizon.discountRatePerPeriod) ** k;
    previous = cumulative;
  }
  return value;
}
