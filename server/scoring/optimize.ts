// Minimizers for the small maximum-likelihood problems of the scoring models (3–4 parameters,
// smooth but with long curved valleys). BFGS with analytic gradients needs a few dozen
// evaluations, which matters when one evaluation is a pass over a million customers; Nelder–Mead
// with restarts needs no gradient and finishes what BFGS cannot (a collapsed simplex can stall
// before the optimum; restarting from the best vertex is the standard cure, Press et al.,
// Numerical Recipes, 3rd ed., §10.5).

export type MinimizeOptions = {
  /** Simplex steps per restart. */
  maxIterations?: number;
  /** Stop when every vertex is this close to the best one (max-norm, in the search space). */
  xTolerance?: number;
  /** ...and every vertex's value is this close to the best value. */
  fTolerance?: number;
  /** Edge of the initial simplex, in the search space. */
  initialStep?: number;
  maxRestarts?: number;
  /** BFGS: stop when every gradient component is this small. */
  gradientTolerance?: number;
  /** BFGS: longest first trial step in any coordinate of the search space. */
  maxStep?: number;
};

export type MinimizeResult = {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
};

const DEFAULTS: Required<MinimizeOptions> = {
  maxIterations: 5000,
  xTolerance: 1e-9,
  fTolerance: 1e-12,
  initialStep: 0.25,
  maxRestarts: 8,
  gradientTolerance: 1e-9,
  maxStep: 1,
};

type Objective = (x: Float64Array) => number;
/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

/** Minimizes `f` from `start`; non-finite values count as +Infinity (outside the domain). */
export function minimizeNelderMead(f: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const settings = { ...DEFAULTS, ...options };
  let best = Float64Array.from(start);
  let bestValue = finite(f(best));
  let iterations = 0;
  let evaluations = 1;
  let restarts = 0;
  let converged = false;
  for (;;) {
    const run = nelderMeadRun(f, best, settings);
    iterations += run.iterations;
    evaluations += run.evaluations;
    const improvement = bestValue - run.value;
    if (run.value <= bestValue) {
      best = run.x;
      bestValue = run.value;
    }
    converged = run.converged;
    if (!run.converged || improvement <= settings.fTolerance || restarts >= settings.maxRestarts) break;
    restarts++;
  }
  return { x: best, value: bestValue, iterations, evaluations, restarts, converged };
}

/**
 * Minimizes over strictly positive parameters by searching θ = log(params), which keeps every
 * trial point feasible and evens out parameters of very different scales.
 */
export function minimizePositive(f: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const params = new Float64Array(start.length);
  const inLogSpace = (theta: Float64Array) => {
    for (let i = 0; i < theta.length; i++) params[i] = Math.exp(theta[i]!);
    return f(params);
  };
  const result = minimizeNelderMead(inLogSpace, logOfPositive(start), options);
  return { ...result, x: result.x.map(Math.exp) };
}

/**
 * Minimizes over strictly positive parameters by BFGS in θ = log(params) (chain rule: ∂/∂θ =
 * p·∂/∂p), then polishes with Nelder–Mead if BFGS stopped short of a stationary point.
 */
export function minimizePositiveWithGradient(f: ObjectiveWithGradient, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const params = new Float64Array(start.length);
  const inLogSpace = (theta: Float64Array, gradient: Float64Array) => {
    for (let i = 0; i < theta.length; i++) params[i] = Math.exp(theta[i]!);
    const value = f(params, gradient);
    for (let i = 0; i < theta.length; i++) gradient[i]! *= params[i]!;
    return value;
  };
  const bfgs = minimizeBfgs(inLogSpace, logOfPositive(start), options);
  const found = { ...bfgs, x: bfgs.x.map(Math.exp) };
  if (bfgs.converged) return found;
  const unusedGradient = new Float64Array(start.length);
  const polished = minimizePositive((p) => f(p, unusedGradient), found.x, options);
  return { ...polished, iterations: bfgs.iterations + polished.iterations, evaluations: bfgs.evaluations + polished.evaluations };
}

function logOfPositive(start: ArrayLike<number>): Float64Array {
  return Float64Array.from(start, (value) => {
    if (!(value > 0)) throw new RangeError(`start values must be positive, got ${value}`);
    return Math.log(value);
  });
}

/** BFGS with an inverse-Hessian update and a backtracking (Armijo) line search. */
export function minimizeBfgs(f: ObjectiveWithGradient, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const settings = { ...DEFAULTS, ...options };
  const n = start.length;
  const x = Float64Array.from(start);
  const gradient = new Float64Array(n);
  const trial = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  const inverseHessian = new Float64Array(n * n);
  const resetHessian = (scale: number) => {
    inverseHessian.fill(0);
    for (let i = 0; i < n; i++) inverseHessian[i * n + i] = scale;
  };
  resetHessian(1);
  let value = f(x, gradient);
  let evaluations = 1;
  let iterations = 0;
  let converged = false;
  if (!Number.isFinite(value)) return { x, value: Infinity, iterations, evaluations, restarts: 0, converged };
  while (iterations < settings.maxIterations) {
    if (maxAbs(gradient) <= settings.gradientTolerance) {
      converged = true;
      break;
    }
    iterations++;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= inverseHessian[i * n + j]! * gradient[j]!;
      direction[i] = d;
      slope += d * gradient[i]!;
    }
    if (!(slope < 0)) {
      resetHessian(1);
      for (let i = 0; i < n; i++) direction[i] = -gradient[i]!;
      slope = -dot(gradient, gradient);
    }
    // −slope = gᵀH⁻¹g is twice the decrease a quasi-Newton step promises; once that is below
    // fTolerance the remaining gain is lost in rounding and line searches would only thrash.
    if (-slope <= settings.fTolerance && iterations > 1) {
      converged = true;
      break;
    }
    // Trial steps start no longer than `maxStep` in any coordinate: in log-parameter space an
    // unbounded first step overflows exp() and costs a string of halvings, each a full pass.
    let step = Math.min(1, settings.maxStep / maxAbs(direction));
    let trialValue = Infinity;
    for (let tries = 0; tries < 40; tries++, step /= 2) {
      for (let i = 0; i < n; i++) trial[i] = x[i]! + step * direction[i]!;
      trialValue = f(trial, trialGradient);
      evaluations++;
      if (Number.isFinite(trialValue) && trialValue <= value + 1e-4 * step * slope) break;
    }
    if (!(trialValue <= value)) break;
    for (let i = 0; i < n; i++) {
      s[i] = trial[i]! - x[i]!;
      y[i] = trialGradient[i]! - gradient[i]!;
    }
    const improvement = value - trialValue;
    x.set(trial);
    gradient.set(trialGradient);
    value = trialValue;
    const sy = dot(s, y);
    if (sy > 1e-14) {
      if (iterations === 1) resetHessian(sy / dot(y, y));
      updateInverseHessian(inverseHessian, s, y, hy, sy, n);
    }
    // Progress has stalled at floating-point resolution: accept if the gradient is near zero
    // (rounding keeps it from reaching the strict tolerance), otherwise hand over to Nelder–Mead.
    if (improvement <= settings.fTolerance * 1e-3 && maxAbs(s) <= settings.xTolerance) {
      converged = maxAbs(gradient) <= Math.sqrt(settings.gradientTolerance);
      break;
    }
  }
  return { x, value, iterations, evaluations, restarts: 0, converged };
}

// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy, expanded to avoid matrix products.
function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, hy: Float64Array, sy: number, n: number) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += h[i * n + j]! * y[j]!;
    hy[i] = sum;
  }
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j]! += rho * ((1 + rho * yhy) * s[i]! * s[j]! - hy[i]! * s[j]! - s[i]! * hy[j]!);
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (const value of a) max = Math.max(max, Math.abs(value));
  return max;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : Infinity;
}

// Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½), as in scipy.
function nelderMeadRun(f: Objective, start: Float64Array, settings: Required<MinimizeOptions>) {
  const n = start.length;
  const vertices = Array.from({ length: n + 1 }, () => Float64Array.from(start));
  const values = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) vertices[i + 1]![i]! += settings.initialStep;
  for (let i = 0; i <= n; i++) values[i] = finite(f(vertices[i]!));
  let evaluations = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const along = (target: Float64Array, from: Float64Array, coefficient: number) => {
    for (let j = 0; j < n; j++) target[j] = centroid[j]! + coefficient * (from[j]! - centroid[j]!);
  };

  let iterations = 0;
  let converged = false;
  while (iterations < settings.maxIterations) {
    order.sort((p, q) => values[p]! - values[q]!);
    const bestIndex = order[0]!;
    const worstIndex = order[n]!;
    if (hasConverged(vertices, values, bestIndex, settings)) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const vertex = vertices[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += vertex[j]! / n;
    }
    const worst = vertices[worstIndex]!;
    along(reflected, worst, -1);
    const reflectedValue = finite(f(reflected));
    evaluations++;
    if (reflectedValue < values[bestIndex]!) {
      along(trial, worst, -2);
      const expandedValue = finite(f(trial));
      evaluations++;
      const keepExpanded = expandedValue < reflectedValue;
      worst.set(keepExpanded ? trial : reflected);
      values[worstIndex] = keepExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < values[order[n - 1]!]!) {
      worst.set(reflected);
      values[worstIndex] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < values[worstIndex]!;
    along(trial, outside ? reflected : worst, 0.5);
    const contractedValue = finite(f(trial));
    evaluations++;
    if (contractedValue < (outside ? reflectedValue : values[worstIndex]!)) {
      worst.set(trial);
      values[worstIndex] = contractedValue;
      continue;
    }
    const bestVertex = vertices[bestIndex]!;
    for (let k = 1; k <= n; k++) {
      const vertex = vertices[order[k]!]!;
      for (let j = 0; j < n; j++) vertex[j] = bestVertex[j]! + 0.5 * (vertex[j]! - bestVertex[j]!);
      values[order[k]!] = finite(f(vertex));
    }
    evaluations += n;
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: Float64Array.from(vertices[bestIndex]!), value: values[bestIndex]!, iterations, evaluations, converged };
}

function hasConverged(vertices: Float64Array[], values: Float64Array, bestIndex: number, settings: Required<MinimizeOptions>) {
  const best = vertices[bestIndex]!;
  const bestValue = values[bestIndex]!;
  if (!Number.isFinite(bestValue)) return false;
  for (let i = 0; i < vertices.length; i++) {
    if (Math.abs(values[i]! - bestValue) > settings.fTolerance) return false;
    const vertex = vertices[i]!;
    for (let j = 0; j < best.length; j++) if (Math.abs(vertex[j]! - best[j]!) > settings.xTolerance) return false;
  }
  return true;
}
