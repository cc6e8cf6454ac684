import { describe, expect, it } from "vitest";
import { digamma, hyp2f1, logBeta, logGamma, logGammaAndDigamma } from "./special";

describe("logGamma", () => {
  it("matches log((n − 1)!) at integers", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it("matches known values at non-integers, including below one half", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(1e-5)).toBeCloseTo(11.512919692895824, 10);
    expect(logGamma(3.7)).toBeCloseTo(1.428072326665388, 12);
    expect(logGamma(1e6)).toBeCloseTo(12815504.569147611, 4);
  });

  it("agrees across the switch from Lanczos to Stirling's series at 10", () => {
    expect(logGamma(10)).toBeCloseTo(logGamma(9) + Math.log(9), 13);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
  });

  it("is infinite at zero and undefined for negatives", () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-1)).toBeNaN();
  });
});

describe("logBeta", () => {
  it("matches B(a, b) = Γ(a)Γ(b)/Γ(a + b)", () => {
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
  });
});

describe("hyp2f1", () => {
  it("matches closed forms", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 11);
      expect(hyp2f1(2.5, 0.7, 0.7, z)).toBeCloseTo((1 - z) ** -2.5, 8);
      const s = Math.sqrt(z);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(s === 0 ? 1 : Math.asin(s) / s, 11);
    }
  });

  it("matches a tabulated value with non-trivial parameters", () => {
    // mpmath.hyp2f1(1.243, 4.426, 3.219, 0.5)
    expect(hyp2f1(1.243, 4.426, 3.219, 0.5)).toBeCloseTo(3.5229935257278058, 10);
  });

  it("rejects arguments outside [0, 1)", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });
});

describe("digamma", () => {
  it("matches known values", () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13);
    expect(digamma(0.01)).toBeCloseTo(-100.56088545786866, 10);
  });

  it("is the derivative of logGamma", () => {
    for (const x of [0.3, 2.7, 40]) expect(digamma(x)).toBeCloseTo((logGamma(x + 1e-6) - logGamma(x - 1e-6)) / 2e-6, 6);
  });
});

describe("logGammaAndDigamma", () => {
  it("agrees with logGamma and digamma on both sides of the shift", () => {
    const out = new Float64Array(2);
    for (const x of [1e-3, 0.5, 1, 3.7, 9.99, 10, 57.3, 1e5]) {
      logGammaAndDigamma(x, out);
      expect(out[0]).toBeCloseTo(logGamma(x), 11);
      expect(out[1]).toBeCloseTo(digamma(x), 11);
    }
  });
});
