import { describe, expect, it } from "vitest";
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchase,
  fitBgNbd,
  type BgNbdParams,
} from "./bgnbd";
import { ModelFitError } from "./errors";
import { mulberry32 } from "./random";
import { logBeta, logGamma } from "./special";

const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Simulates the BG/NBD generative story over an observation window of `age` for each customer. */
function simulate(truth: BgNbdParams, customers: number, age: number, seed: number) {
  const random = mulberry32(seed);
  const gammaSample = (shape: number, rate: number): number => {
    // Marsaglia–Tsang, with the shape < 1 boost.
    if (shape < 1) return gammaSample(shape + 1, rate) * random() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const u1 = random();
      const u2 = random();
      const normal = Math.sqrt(-2 * Math.log(u1 || 1e-300)) * Math.cos(2 * Math.PI * u2);
      const v = (1 + c * normal) ** 3;
      if (v > 0 && Math.log(random() || 1e-300) < 0.5 * normal ** 2 + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const ages = new Float64Array(customers).fill(age);
  for (let i = 0; i < customers; i++) {
    const lambda = gammaSample(truth.r, truth.alpha);
    const x1 = gammaSample(truth.a, 1);
    const dropout = x1 / (x1 + gammaSample(truth.b, 1));
    let t = 0;
    for (;;) {
      t += -Math.log(random() || 1e-300) / lambda;
      if (t > age) break;
      frequency[i]!++;
      recency[i] = t;
      if (random() < dropout) break;
    }
  }
  return { frequency, recency, age: ages };
}

describe("bgNbdLogLikelihood", () => {
  it("matches eq. 6 evaluated term by term with log-gamma", () => {
    const rows = [
      { x: 0, tx: 0, T: 38.86 },
      { x: 3, tx: 20.5, T: 30 },
    ];
    const direct = rows.reduce((sum, { x, tx, T }) => {
      const { r, alpha, a, b } = params;
      const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
      const a2 = logBeta(a, b + x) - logBeta(a, b);
      const a3 = -(r + x) * Math.log(alpha + T);
      const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
      return sum + a1 + a2 + Math.log(Math.exp(a3) + Math.exp(a4));
    }, 0);
    const data = { frequency: Float64Array.of(0, 3), recency: Float64Array.of(0, 20.5), age: Float64Array.of(38.86, 30) };
    expect(bgNbdLogLikelihood(params, data)).toBeCloseTo(direct, 10);
  });

  it("has an analytic gradient that matches central differences", () => {
    const data = { frequency: Float64Array.of(0, 1, 3, 12), recency: Float64Array.of(0, 4.5, 20.5, 37), age: Float64Array.of(38.86, 30, 30, 39) };
    const gradient = new Float64Array(4);
    bgNbdLogLikelihood(params, data, gradient);
    (["r", "alpha", "a", "b"] as const).forEach((name, i) => {
      const h = 1e-6 * params[name];
      const numeric = (bgNbdLogLikelihood({ ...params, [name]: params[name] + h }, data) - bgNbdLogLikelihood({ ...params, [name]: params[name] - h }, data)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numeric, 5);
    });
  });

  it("counts weighted rows as that many identical customers", () => {
    const one = { frequency: Float64Array.of(2), recency: Float64Array.of(5), age: Float64Array.of(10) };
    const weighted = { ...one, weights: Float64Array.of(7) };
    expect(bgNbdLogLikelihood(params, weighted)).toBeCloseTo(7 * bgNbdLogLikelihood(params, one), 10);
  });
});

describe("fitBgNbd", () => {
  it("recovers the parameters of simulated customers", () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(simulate(truth, 10_000, 52, 7));
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(truth.r, 1);
    expect(fit.params.alpha / truth.alpha).toBeGreaterThan(0.85);
    expect(fit.params.alpha / truth.alpha).toBeLessThan(1.15);
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeCloseTo(truth.a / (truth.a + truth.b), 1);
  });

  it("refuses a workspace with too few repeat customers", () => {
    const data = { frequency: new Float64Array(50), recency: new Float64Array(50), age: new Float64Array(50).fill(10) };
    expect(() => fitBgNbd(data)).toThrow(ModelFitError);
    expect(() => fitBgNbd(data)).toThrow(/at least 20 customers of whom 5 bought again/);
  });

  it("rejects a history whose last purchase is after the end of observation", () => {
    const data = { frequency: Float64Array.of(1), recency: Float64Array.of(12), age: Float64Array.of(10) };
    expect(() => fitBgNbd(data)).toThrow(/row 0 is not a valid history/);
  });
});

describe("BG/NBD predictions", () => {
  it("keeps customers without repeat purchases alive for sure", () => {
    expect(bgNbdProbabilityAlive(params, { frequency: 0, recency: 0, age: 30 })).toBe(1);
  });

  it("lowers P(alive) the longer a frequent buyer has been silent", () => {
    const recent = bgNbdProbabilityAlive(params, { frequency: 5, recency: 38, age: 38 });
    const silent = bgNbdProbabilityAlive(params, { frequency: 5, recency: 5, age: 38 });
    expect(recent).toBeGreaterThan(0.85);
    expect(silent).toBeLessThan(0.2);
  });

  it("expects zero purchases in zero time and more over a longer horizon", () => {
    const customer = { frequency: 2, recency: 30.43, age: 38.86 };
    expect(bgNbdExpectedPurchases(params, customer, 0)).toBe(0);
    expect(bgNbdExpectedPurchases(params, customer, 52)).toBeGreaterThan(bgNbdExpectedPurchases(params, customer, 13));
    expect(bgNbdExpectedPurchasesNewCustomer(params, 0)).toBe(0);
  });

  it("gives a purchase probability below both P(alive) and one, growing with the horizon", () => {
    const customer = { frequency: 4, recency: 30, age: 38 };
    const week = bgNbdProbabilityOfPurchase(params, customer, 1);
    const quarter = bgNbdProbabilityOfPurchase(params, customer, 13);
    expect(week).toBeGreaterThan(0);
    expect(quarter).toBeGreaterThan(week);
    expect(quarter).toBeLessThan(bgNbdProbabilityAlive(params, customer));
  });
});
