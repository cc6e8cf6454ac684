import { describe, expect, it } from "vitest";
import {
  largestCalibrationGap,
  summarizeCalibration,
  summarizeClusters,
  summarizeHistogram,
  summarizeRfmGrid,
  summarizeRoc,
  summarizeSegments,
  summarizeSendHours,
} from "./chart-summaries";
import { formatCurrency, formatPercent } from "./format";

describe("chart summaries", () => {
  it("names a histogram's fullest bin and its median", () => {
    const bins = [
      { from: 0, to: 50, count: 60 },
      { from: 50, to: 100, count: 40 },
    ];
    expect(summarizeHistogram("Predicted CLV", bins, (value) => formatCurrency(value, { compact: true }))).toBe(
      "Predicted CLV of 100 contacts: most fall in $0 – $50 (60%); median about $41.7.",
    );
    expect(summarizeHistogram("Churn risk", [], (value) => formatPercent(value))).toBe("Churn risk: no contacts to show.");
  });

  it("names the fullest RFM cell", () => {
    const grid = [
      { r: 5, f: 1, count: 620, avgMonetary: 40 },
      { r: 1, f: 1, count: 300, avgMonetary: 20 },
    ];
    expect(summarizeRfmGrid(grid)).toBe("Recency by frequency grid of 920 contacts; the fullest cell is R 5, F 1 with 620 contacts.");
  });

  it("lists the three largest segments", () => {
    const segments = [
      { segment: "New", count: 600 },
      { segment: "Champions", count: 100 },
      { segment: "Hibernating", count: 1200 },
      { segment: "Lost", count: 900 },
    ];
    expect(summarizeSegments(segments)).toBe("Largest RFM segments: Hibernating 1,200, Lost 900, New 600.");
  });

  it("measures calibration by the largest gap over bins with contacts", () => {
    const points = [
      { bin: 0, predicted: 0.05, observed: 0.04, count: 100 },
      { bin: 1, predicted: 0.5, observed: 0.45, count: 30 },
      { bin: 2, predicted: 0.9, observed: 0, count: 0 },
    ];
    expect(largestCalibrationGap(points)).toBeCloseTo(0.05, 10);
    expect(summarizeCalibration(points)).toBe("Predicted against observed purchase rate in 3 bins; the largest gap is 5.0 percentage points.");
  });

  it("gives the AUC beside the BG/NBD baseline", () => {
    expect(summarizeRoc(0.78512, 0.7761)).toBe("ROC curve, AUC 0.785; BG/NBD baseline AUC 0.776.");
    expect(summarizeRoc(undefined, undefined)).toBe("ROC curve of the purchase propensity model.");
  });

  it("describes clusters from the largest", () => {
    const clusters = [
      { id: 0, label: "Cluster 1", size: 200, description: "typical", centroid: {} },
      { id: 1, label: "Cluster 2", size: 800, description: "high spend, recent", centroid: {} },
    ];
    expect(summarizeClusters(clusters)).toBe(
      "2 clusters: Cluster 2, 800 contacts (high spend, recent); Cluster 1, 200 contacts (typical).",
    );
  });

  it("tells contacts on the workspace's hour apart from those with hours of their own", () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, count: hour === 15 ? 60 : hour === 9 ? 8 : 2, priorOnly: hour === 15 ? 55 : 0 }));
    expect(summarizeSendHours(hours)).toBe(
      "Best send hours of 112 contacts, in their own time zones: the most common is 15:00 (54%). " +
        "55 without opens, clicks, orders or visits in the last 90 days get the workspace's usual hour. " +
        "Among the 57 with activity of their own, the most common is 09:00 (14%).",
    );
  });

  it("names the most common send hour", () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, count: hour === 19 ? 50 : 2 }));
    expect(summarizeSendHours(hours)).toBe(
      "Best send hours of 96 contacts, in their own time zones: the most common is 19:00 (52%).",
    );
  });
});
