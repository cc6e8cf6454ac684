import { describe, expect, it } from "vitest";
import { calibrationTable, logLoss, rocAuc, rocCurve } from "./classification-metrics";

const labels = Uint8Array.of(0, 0, 1, 1);

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 for constant scores", () => {
    expect(rocAuc(Float64Array.of(0.1, 0.2, 0.8, 0.9), labels)).toBe(1);
    expect(rocAuc(Float64Array.of(0.9, 0.8, 0.2, 0.1), labels)).toBe(0);
    expect(rocAuc(Float64Array.of(0.5, 0.5, 0.5, 0.5), labels)).toBe(0.5);
  });

  it("counts the share of positive–negative pairs ranked correctly, ties as one half", () => {
    // Pairs (pos, neg): (0.8 > 0.1) (0.8 > 0.8 tie) (0.4 > 0.1) (0.4 < 0.8) → (1 + 0.5 + 1 + 0) / 4.
    expect(rocAuc(Float64Array.of(0.1, 0.8, 0.8, 0.4), labels)).toBeCloseTo(0.625, 12);
  });

  it("is undefined without both outcomes", () => {
    expect(rocAuc(Float64Array.of(0.1, 0.2), Uint8Array.of(1, 1))).toBeNaN();
  });
});

describe("logLoss", () => {
  it("is log 2 for coin-flip predictions and finite for confident mistakes", () => {
    expect(logLoss(Float64Array.of(0.5, 0.5, 0.5, 0.5), labels)).toBeCloseTo(Math.log(2), 12);
    expect(Number.isFinite(logLoss(Float64Array.of(1, 1, 0, 0), labels))).toBe(true);
  });
});

describe("calibrationTable", () => {
  it("groups predictions into equal-count bins with their observed rates", () => {
    const probabilities = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    const outcomes = Uint8Array.from({ length: 100 }, (_, i) => (i >= 90 ? 1 : 0));
    const table = calibrationTable(probabilities, outcomes);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ bin: 1, count: 10, meanPredicted: expect.closeTo(0.045, 12), observedRate: 0 });
    expect(table[9]!.observedRate).toBe(1);
  });
});

describe("rocCurve", () => {
  it("runs from (0, 0) to (1, 1) through the perfect corner for a perfect ranking", () => {
    const curve = rocCurve(Float64Array.of(0.1, 0.2, 0.8, 0.9), labels);
    expect(curve[0]).toEqual({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve).toContainEqual({ falsePositiveRate: 0, truePositiveRate: 1 });
    expect(curve.at(-1)).toEqual({ falsePositiveRate: 1, truePositiveRate: 1 });
  });
});
