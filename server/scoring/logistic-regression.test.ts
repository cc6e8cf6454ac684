import { describe, expect, it } from "vitest";
import { rocAuc } from "./classification-metrics";
import { ModelFitError } from "./errors";
import { fitLogisticRegression, predictProbabilities, predictProbability } from "./logistic-regression";
import { featureMatrix } from "./matrix";
import { mulberry32 } from "./random";

/** Labels drawn from a known logistic model: logit = −1 + 2·x0 − 1·x1 + 0·x2. */
function simulated(rows: number, seed: number) {
  const random = mulberry32(seed);
  const features = featureMatrix(rows, 3);
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
    features.values.set(x, i * 3);
    const logit = -1 + 2 * x[0]! - x[1]!;
    labels[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { features, labels };
}

const featureNames = ["x0", "x1", "x2"];

describe("fitLogisticRegression", () => {
  it("recovers the coefficients of a known model and converges in a few Newton steps", () => {
    const { features, labels } = simulated(20_000, 11);
    const model = fitLogisticRegression(features, labels, { featureNames, l2: 1e-6 });
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(12);
    // Coefficients are on standardized features: divide by the column scale to compare.
    const raw = model.coefficients.map((c, j) => c / model.standardizer.scales[j]!);
    expect(raw[0]).toBeCloseTo(2, 0);
    expect(raw[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(raw[2]!)).toBeLessThan(0.15);
  });

  it("shrinks coefficients towards zero as the penalty grows", () => {
    const { features, labels } = simulated(2_000, 5);
    const loose = fitLogisticRegression(features, labels, { featureNames, l2: 0.01 });
    const tight = fitLogisticRegression(features, labels, { featureNames, l2: 5_000 });
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(Math.abs(loose.coefficients[0]!) / 2);
  });

  it("stays finite on perfectly separable data thanks to the penalty", () => {
    const features = { rows: 20, columns: 1, values: Float64Array.from({ length: 20 }, (_, i) => i) };
    const labels = Uint8Array.from({ length: 20 }, (_, i) => (i >= 10 ? 1 : 0));
    const model = fitLogisticRegression(features, labels, { featureNames: ["x"], l2: 0.1 });
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(rocAuc(predictProbabilities(model, features), labels)).toBe(1);
  });

  it("refuses labels without enough of both outcomes", () => {
    const features = featureMatrix(30, 1);
    expect(() => fitLogisticRegression(features, new Uint8Array(30), { featureNames: ["x"] })).toThrow(ModelFitError);
  });
});

describe("predictProbability", () => {
  it("scores one contact's raw features the same way the batch does, log scaling included", () => {
    const { features, labels } = simulated(500, 9);
    for (let i = 0; i < features.values.length; i++) features.values[i] = Math.abs(features.values[i]!) * 100;
    const model = fitLogisticRegression(features, labels, { featureNames, logScaledFeatures: ["x0"] });
    const batch = predictProbabilities(model, features);
    expect(predictProbability(model, features.values.subarray(3, 6))).toBeCloseTo(batch[1]!, 14);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});
