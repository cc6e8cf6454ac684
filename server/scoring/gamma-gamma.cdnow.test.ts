// Reproduces the published Gamma-Gamma results on the CDNOW sample (Fader, Hardie & Lee 2005;
// the figures in ../shared/datasets/cdnow/README.md).
import { beforeAll, describe, expect, it } from "vitest";
import { readCdnowFile } from "./cdnow-files";
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaFit } from "./gamma-gamma";
import { parseCustomerSummaryCsv, type CustomerSummaryTable } from "./summary-csv";

// The published figures are the `lifetimes` results cut to two decimals (γ = 15.4477 → 15.44,
// first spend 24.6586 → 24.65), so "to two decimals" means within 0.01 of them here; the
// maximum-likelihood optimum itself is checked against scipy's (log-likelihood −4055.9232).
const toTwoDecimals = (actual: number, published: number) => expect(Math.abs(actual - published)).toBeLessThan(0.01);

describe("Gamma-Gamma on the CDNOW calibration sample", () => {
  let summary: CustomerSummaryTable;
  let fit: GammaGammaFit;
  let fitMs: number;
  beforeAll(() => {
    summary = parseCustomerSummaryCsv(readCdnowFile("cdnow_customers_summary_with_transactions.csv"));
    const started = performance.now();
    fit = fitGammaGamma({ frequency: summary.frequency, monetary: summary.monetary! });
    fitMs = performance.now() - started;
  });

  it("reproduces p = 6.25, q = 3.74, gamma = 15.44 on the customers with x > 0", () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    toTwoDecimals(fit.params.p, 6.25);
    toTwoDecimals(fit.params.q, 3.74);
    toTwoDecimals(fit.params.gamma, 15.44);
    expect(fit.logLikelihood).toBeCloseTo(-4055.9232, 3);
  });

  it("fits well under a second, by BFGS alone", () => {
    expect(fitMs).toBeLessThan(1000);
    expect(fit.evaluations).toBeLessThan(150);
  });

  it("reproduces the expected average spend of the first ten customers", () => {
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    published.forEach((spend, i) => {
      toTwoDecimals(gammaGammaExpectedSpend(fit.params, summary.frequency[i]!, summary.monetary![i]!), spend);
    });
  });
});
