// Purchase propensity on the full CDNOW transaction log, cut off at week 39 (1997-10-01), against
// the BG/NBD probability of a purchase in the same 30 days as a baseline.
import { beforeAll, describe, expect, it } from "vitest";
import { bgNbdProbabilityOfPurchase, fitBgNbd } from "./bgnbd";
import { parseCdnowTransactions, readCdnowFile } from "./cdnow-files";
import { calibrationTable, logLoss, rocAuc } from "./classification-metrics";
import { fitLogisticRegression, predictProbabilities, type LogisticModel } from "./logistic-regression";
import { PROPENSITY_FEATURE_NAMES, PROPENSITY_LOG_SCALED } from "./propensity-features";
import { customerHistoriesAt, propensityTimeSplit, type LabelledSet, type PurchaseLog } from "./purchase-log";

const CUTOFF_DAY = 39 * 7;
const HORIZON_DAYS = 30;

describe("purchase propensity on CDNOW, cut-off at week 39", () => {
  let log: PurchaseLog;
  let test: LabelledSet;
  let model: LogisticModel;
  let propensity: Float64Array;
  beforeAll(() => {
    log = parseCdnowTransactions(readCdnowFile("CDNOW_master.txt"));
    const split = propensityTimeSplit(log, CUTOFF_DAY, HORIZON_DAYS);
    test = split.test;
    model = fitLogisticRegression(split.train.features, split.train.labels, {
      featureNames: PROPENSITY_FEATURE_NAMES,
      logScaledFeatures: PROPENSITY_LOG_SCALED,
    });
    propensity = predictProbabilities(model, test.features);
  });

  it("reads every transaction and customer", () => {
    expect(log.day.length).toBe(69_659);
    expect(log.customers).toBe(23_570);
    expect(test.customers.length).toBe(23_570);
  });

  it("ranks next-30-day buyers well above chance, as does the BG/NBD baseline", () => {
    const histories = customerHistoriesAt(log, CUTOFF_DAY, 7);
    const bgNbd = fitBgNbd(histories);
    expect(bgNbd.converged).toBe(true);
    const baseline = Float64Array.from(test.customers, (c) =>
      bgNbdProbabilityOfPurchase(bgNbd.params, { frequency: histories.frequency[c]!, recency: histories.recency[c]!, age: histories.age[c]! }, HORIZON_DAYS / 7),
    );
    const propensityAuc = rocAuc(propensity, test.labels);
    const baselineAuc = rocAuc(baseline, test.labels);
    console.log(
      `CDNOW week-39 propensity: logistic AUC ${propensityAuc.toFixed(4)} (log loss ${logLoss(propensity, test.labels).toFixed(4)}), ` +
        `BG/NBD P(purchase in 30 days) AUC ${baselineAuc.toFixed(4)} (log loss ${logLoss(baseline, test.labels).toFixed(4)})`,
    );
    expect(model.converged).toBe(true);
    expect(propensityAuc).toBeGreaterThan(0.75);
    expect(baselineAuc).toBeGreaterThan(0.75);
  });

  it("is calibrated: each decile's mean prediction is near its observed purchase rate", () => {
    const table = calibrationTable(propensity, test.labels);
    expect(table).toHaveLength(10);
    for (const bin of table) expect(Math.abs(bin.meanPredicted - bin.observedRate)).toBeLessThan(0.05);
    expect(table[9]!.observedRate).toBeGreaterThan(5 * table[0]!.observedRate);
  });
});
