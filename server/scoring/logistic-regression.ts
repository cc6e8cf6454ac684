// L2-regularized logistic regression fitted by Newton's method (IRLS) on standardized features:
// with a handful of features the (p+1)² Hessian is tiny, and Newton converges in a few passes over
// the rows, where gradient descent would need hundreds.
import { ModelFitError } from "./errors";
import { fitStandardizer, standardize, type FeatureMatrix, type Standardizer } from "./matrix";

/** A fitted model, plain JSON so a scoring run can store it and score contacts later. */
export type LogisticModel = {
  featureNames: string[];
  /** Features passed through sign(v)·ln(1 + |v|) before standardizing (heavy-tailed counts and spend). */
  logScaled: boolean[];
  standardizer: Standardizer;
  intercept: number;
  /** Coefficients on the standardized features. */
  coefficients: number[];
  l2: number;
  iterations: number;
  converged: boolean;
};

export type LogisticOptions = {
  featureNames: string[];
  logScaledFeatures?: string[];
  /** Penalty λ on the squared coefficients (the intercept is not penalized). */
  l2?: number;
  maxIterations?: number;
  tolerance?: number;
};

const MIN_PER_CLASS = 5;

export function fitLogisticRegression(features: FeatureMatrix, labels: Uint8Array, options: LogisticOptions): LogisticModel {
  const { rows, columns } = features;
  if (options.featureNames.length !== columns || labels.length !== rows) {
    throw new ModelFitError("invalid_data", "feature names, columns and labels do not match");
  }
  let positives = 0;
  for (let i = 0; i < rows; i++) positives += labels[i]!;
  if (positives < MIN_PER_CLASS || rows - positives < MIN_PER_CLASS) {
    throw new ModelFitError("insufficient_data", `propensity needs at least ${MIN_PER_CLASS} buyers and ${MIN_PER_CLASS} non-buyers (has ${positives} and ${rows - positives})`);
  }
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const logScaled = options.featureNames.map((name) => options.logScaledFeatures?.includes(name) ?? false);
  const scaled = logScale(features, logScaled);
  const standardizer = fitStandardizer(scaled);
  const x = standardize(scaled, standardizer).values;

  const size = columns + 1; // weights[0] is the intercept
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const step = new Float64Array(size);
  const candidate = new Float64Array(size);
  let loss = penalizedLoss(x, labels, rows, columns, weights, l2);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < rows; i++) {
      const offset = i * columns;
      const p = sigmoid(linear(x, offset, columns, weights));
      const residual = p - labels[i]!;
      const curvature = p * (1 - p);
      gradient[0]! += residual;
      hessian[0]! += curvature;
      for (let j = 0; j < columns; j++) {
        const xj = x[offset + j]!;
        gradient[j + 1]! += residual * xj;
        hessian[j + 1]! += curvature * xj;
        for (let k = 0; k <= j; k++) hessian[(j + 1) * size + k + 1]! += curvature * xj * x[offset + k]!;
      }
    }
    // Only the lower triangle is filled and read; the intercept's cross terms were summed in row 0.
    for (let j = 1; j < size; j++) {
      gradient[j]! += l2 * weights[j]!;
      hessian[j * size + j]! += l2;
      hessian[j * size] = hessian[j]!;
    }
    solveSymmetric(hessian, gradient, step, size);
    // Step halving keeps each Newton step a descent step on separable or badly scaled data.
    let scale = 1;
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      for (let j = 0; j < size; j++) candidate[j] = weights[j]! - scale * step[j]!;
      const candidateLoss = penalizedLoss(x, labels, rows, columns, candidate, l2);
      if (candidateLoss <= loss) {
        loss = candidateLoss;
        break;
      }
    }
    let largestChange = 0;
    for (let j = 0; j < size; j++) largestChange = Math.max(largestChange, Math.abs(candidate[j]! - weights[j]!));
    weights.set(candidate);
    converged = largestChange < tolerance;
  }
  return {
    featureNames: [...options.featureNames],
    logScaled,
    standardizer,
    intercept: weights[0]!,
    coefficients: Array.from(weights.subarray(1)),
    l2,
    iterations,
    converged,
  };
}

/** P(label = 1) for one contact's raw features, in the model's feature order. */
export function predictProbability(model: LogisticModel, features: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) {
    const raw = features[j]!;
    const value = model.logScaled[j] ? signedLog1p(raw) : raw;
    z += (model.coefficients[j]! * (value - model.standardizer.means[j]!)) / model.standardizer.scales[j]!;
  }
  return sigmoid(z);
}

export function predictProbabilities(model: LogisticModel, features: FeatureMatrix): Float64Array {
  const out = new Float64Array(features.rows);
  for (let i = 0; i < features.rows; i++) {
    out[i] = predictProbability(model, features.values.subarray(i * features.columns, (i + 1) * features.columns));
  }
  return out;
}

function signedLog1p(value: number): number {
  return Math.sign(value) * Math.log1p(Math.abs(value));
}

function logScale(features: FeatureMatrix, logScaled: boolean[]): FeatureMatrix {
  const values = features.values.slice();
  for (let i = 0; i < features.rows; i++) {
    for (let j = 0; j < features.columns; j++) if (logScaled[j]) values[i * features.columns + j] = signedLog1p(values[i * features.columns + j]!);
  }
  return { ...features, values };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function linear(x: Float64Array, offset: number, columns: number, weights: Float64Array): number {
  let z = weights[0]!;
  for (let j = 0; j < columns; j++) z += weights[j + 1]! * x[offset + j]!;
  return z;
}

function penalizedLoss(x: Float64Array, labels: Uint8Array, rows: number, columns: number, weights: Float64Array, l2: number): number {
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    const z = linear(x, i * columns, columns, weights);
    // log(1 + e^z) − y·z, computed without overflow.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z;
  }
  for (let j = 1; j < weights.length; j++) loss += 0.5 * l2 * weights[j]! ** 2;
  return loss;
}

/** Solves A·out = b for a symmetric positive-definite A (size × size, row-major) by Cholesky. */
function solveSymmetric(a: Float64Array, b: Float64Array, out: Float64Array, size: number): void {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * size + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * size + k]! * lower[j * size + k]!;
      lower[i * size + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / lower[j * size + j]!;
    }
  }
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * size + k]! * out[k]!;
    out[i] = sum / lower[i * size + i]!;
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = out[i]!;
    for (let k = i + 1; k < size; k++) sum -= lower[k * size + i]! * out[k]!;
    out[i] = sum / lower[i * size + i]!;
  }
}
