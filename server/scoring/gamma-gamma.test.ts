import { describe, expect, it } from "vitest";
import { ModelFitError } from "./errors";
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from "./gamma-gamma";
import { mulberry32 } from "./random";
import { logGamma } from "./special";

describe("gammaGammaLogLikelihood", () => {
  it("matches the closed form for one customer and skips customers without repeat spend", () => {
    const [p, q, gamma, x, zbar] = [6.25, 3.74, 15.44, 3, 20];
    const direct =
      logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(zbar) + p * x * Math.log(x) - (p * x + q) * Math.log(x * zbar + gamma);
    const data = { frequency: Float64Array.of(3, 0, 2), monetary: Float64Array.of(20, 0, -5) };
    expect(gammaGammaLogLikelihood({ p, q, gamma }, data)).toBeCloseTo(direct, 10);
  });
});

describe("gammaGammaLogLikelihood gradient", () => {
  it("matches central differences", () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const data = { frequency: Float64Array.of(1, 2, 7, 30), monetary: Float64Array.of(12, 35.5, 20, 80) };
    const gradient = new Float64Array(3);
    gammaGammaLogLikelihood(params, data, gradient);
    (["p", "q", "gamma"] as const).forEach((name, i) => {
      const h = 1e-6 * params[name];
      const numeric = (gammaGammaLogLikelihood({ ...params, [name]: params[name] + h }, data) - gammaGammaLogLikelihood({ ...params, [name]: params[name] - h }, data)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numeric, 5);
    });
  });
});

describe("fitGammaGamma", () => {
  it("ignores refunds and customers without repeat purchases when fitting", () => {
    const random = mulberry32(3);
    const n = 400;
    const frequency = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 5));
    const monetary = Float64Array.from({ length: n }, () => 10 + 40 * random());
    const clean = fitGammaGamma({ frequency, monetary });
    const noisy = fitGammaGamma({ frequency: Float64Array.of(...frequency, 0, 3, 2), monetary: Float64Array.of(...monetary, 0, -12, 0) });
    expect(noisy.customers).toBe(n);
    expect(noisy.params.p).toBeCloseTo(clean.params.p, 6);
  });

  it("refuses a workspace with too few repeat customers", () => {
    expect(() => fitGammaGamma({ frequency: Float64Array.of(1, 2, 0), monetary: Float64Array.of(5, 6, 0) })).toThrow(ModelFitError);
  });
});

describe("gammaGammaExpectedSpend", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };
  it("gives the population mean p·γ/(q − 1) to customers without repeat purchases", () => {
    expect(gammaGammaExpectedSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
  });
  it("moves towards the customer's own average as repeat purchases accumulate", () => {
    const few = gammaGammaExpectedSpend(params, 1, 100);
    const many = gammaGammaExpectedSpend(params, 50, 100);
    expect(few).toBeLessThan(many);
    expect(Math.abs(many - 100)).toBeLessThan(2);
  });
});
