// Special functions the lifetime models need, accurate to about 1e-14 relative on the positive
// reals they are called with.

// Lanczos approximation, g = 7, n = 9 (the coefficients Numerical Recipes and Boost publish).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const STIRLING_FROM = 10;

/** log Γ(x) for x > 0: Stirling's series from 10 up (one log, the common case in the fits), Lanczos below, reflection below 1/2. */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x >= STIRLING_FROM) {
    // Truncated after the x⁻⁹ term: the first omitted term is below 2e-14 at x = 10.
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const HYP2F1_MAX_TERMS = 1_000_000;

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0 by its power series, which
 * converges geometrically at rate z; the BG/NBD only calls it with z = t / (α + T + t) < 1.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge`);
}

/** Digamma ψ(x) = d/dx log Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < STIRLING_FROM) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * log Γ(x) into out[0] and ψ(x) into out[1] together, sharing the shift to x ≥ 10 and the
 * logarithm: the Gamma-Gamma gradient needs both at every row of every evaluation.
 */
export function logGammaAndDigamma(x: number, out: Float64Array): void {
  if (!(x > 0)) {
    out[0] = x === 0 ? Infinity : NaN;
    out[1] = NaN;
    return;
  }
  let product = 1;
  let reciprocals = 0;
  while (x < STIRLING_FROM) {
    product *= x;
    reciprocals += 1 / x;
    x += 1;
  }
  const logX = Math.log(x);
  const inv = 1 / x;
  const inv2 = inv * inv;
  const gammaSeries = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  const digammaSeries = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  out[0] = (x - 0.5) * logX - x + HALF_LOG_TWO_PI + gammaSeries - (product === 1 ? 0 : Math.log(product));
  out[1] = logX - 0.5 * inv - digammaSeries - reciprocals;
}
