import { describe, expect, it } from "vitest";
import { minimizeBfgs, minimizeNelderMead, minimizePositive, minimizePositiveWithGradient } from "./optimize";

const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe("minimizeNelderMead", () => {
  it("finds the minimum of a shifted quadratic bowl and reports convergence", () => {
    const result = minimizeNelderMead((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2 + (x[2]! - 0.5) ** 2, [0, 0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-1, 6);
    expect(result.x[2]).toBeCloseTo(0.5, 6);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it("follows the curved valley of the Rosenbrock function to (1, 1)", () => {
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it("reports non-convergence when the iteration budget runs out", () => {
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
  });

  it("treats non-finite values as outside the domain", () => {
    const result = minimizeNelderMead((x) => (x[0]! < 0 ? NaN : (x[0]! - 2) ** 2), [1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(2, 6);
  });
});

describe("minimizePositive", () => {
  it("keeps every trial point positive and finds an optimum near zero", () => {
    const seen: number[] = [];
    const result = minimizePositive((p) => {
      seen.push(p[0]!, p[1]!);
      return (p[0]! - 0.01) ** 2 + (Math.log(p[1]!) - Math.log(250)) ** 2;
    }, [1, 1]);
    expect(result.converged).toBe(true);
    expect(Math.min(...seen)).toBeGreaterThan(0);
    expect(result.x[0]).toBeCloseTo(0.01, 5);
    expect(result.x[1]).toBeCloseTo(250, 3);
  });

  it("rejects a non-positive start", () => {
    expect(() => minimizePositive((p) => p[0]!, [0])).toThrow(RangeError);
  });
});

describe("minimizeBfgs", () => {
  const rosenbrockWithGradient = (x: Float64Array, gradient: Float64Array) => {
    const [a, b] = [x[0]!, x[1]!];
    gradient[0] = -400 * a * (b - a * a) - 2 * (1 - a);
    gradient[1] = 200 * (b - a * a);
    return rosenbrock(x);
  };

  it("reaches the Rosenbrock minimum in far fewer evaluations than Nelder–Mead", () => {
    const bfgs = minimizeBfgs(rosenbrockWithGradient, [-1.2, 1]);
    const simplex = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(bfgs.converged).toBe(true);
    expect(bfgs.x[0]).toBeCloseTo(1, 6);
    expect(bfgs.x[1]).toBeCloseTo(1, 6);
    expect(bfgs.evaluations).toBeLessThan(simplex.evaluations / 2);
  });
});

describe("minimizePositiveWithGradient", () => {
  it("applies the chain rule of the log transform", () => {
    // f(p) = (p0 − 3)² + (p1 − 0.2)², minimum at (3, 0.2).
    const result = minimizePositiveWithGradient((p, gradient) => {
      gradient[0] = 2 * (p[0]! - 3);
      gradient[1] = 2 * (p[1]! - 0.2);
      return (p[0]! - 3) ** 2 + (p[1]! - 0.2) ** 2;
    }, [1, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 5);
    expect(result.x[1]).toBeCloseTo(0.2, 5);
  });

  it("falls back to Nelder–Mead when the gradient is wrong", () => {
    const result = minimizePositiveWithGradient((p, gradient) => {
      gradient.fill(0.5);
      return (Math.log(p[0]!) - 1) ** 2;
    }, [1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(Math.E, 5);
  });
});
