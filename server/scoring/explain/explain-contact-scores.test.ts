import { describe, expect, it } from "vitest";
import { explainContactScores, type ExplainableScores } from "./explain-contact-scores";

const base: ExplainableScores = {
  expectedPurchases90d: 1.23,
  recencyDays: 12,
  orders: 3,
  churnRisk: 0.2,
  propensity30d: 0.34,
  predictedClv: 120.5,
  rfmSegment: "Loyal",
  clusterLabel: "Cluster 2",
  bestSendHour: 9,
  timeZone: "Europe/Amsterdam",
};

describe("explainContactScores", () => {
  it("leads with expected purchases and the last purchase", () => {
    expect(explainContactScores(base)[0]).toBe("Expected 1.2 purchases in the next 90 days; last bought 12 days ago.");
  });

  it("says a contact has not bought yet", () => {
    const lines = explainContactScores({ ...base, recencyDays: null, orders: 0, churnRisk: null });
    expect(lines[0]).toBe("Expected 1.2 purchases in the next 90 days; has not bought yet.");
    expect(lines.some((line) => line.startsWith("Churn risk"))).toBe(false);
  });

  it("names churn risk, propensity, value, segment and send hour", () => {
    expect(explainContactScores(base)).toEqual([
      "Expected 1.2 purchases in the next 90 days; last bought 12 days ago.",
      "Churn risk 20%: probably still active after 3 orders.",
      "34% chance of buying in the next 30 days.",
      "Predicted spend over the next 12 months: 120.50.",
      "RFM segment: Loyal.",
      "Cluster: Cluster 2.",
      "Best send hour 09:00 (Europe/Amsterdam).",
    ]);
  });

  it("leaves out the scores of skipped models", () => {
    const lines = explainContactScores({ ...base, expectedPurchases90d: null, churnRisk: null, propensity30d: null, predictedClv: null, rfmSegment: null, clusterLabel: null, bestSendHour: null });
    expect(lines).toEqual(["Last bought 12 days ago."]);
  });
});
