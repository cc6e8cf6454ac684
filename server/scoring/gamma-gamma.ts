// Gamma-Gamma model of spend per transaction: Fader, Hardie & Lee, "RFM and CLV: Using Iso-Value
// Curves for Customer Base Analysis", JMR 42(4), 2005, and Fader & Hardie, "The Gamma-Gamma Model
// of Monetary Value" (note, 2013). Each transaction's value is Gamma(p, ν) around a customer's
// mean, ν ~ Gamma(q, γ) across customers; independent of the purchase process.
import { ModelFitError } from "./errors";
import { minimizePositiveWithGradient, type MinimizeOptions } from "./optimize";
import { digamma, logGamma, logGammaAndDigamma } from "./special";

export type GammaGammaParams = { p: number; q: number; gamma: number };

export type GammaGammaFit = {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Log-likelihood evaluations the optimizer used. */
  evaluations: number;
  /** Customers the fit used: x > 0 repeat purchases with a positive average value. */
  customers: number;
};

/** Repeat-purchase counts x and average repeat-purchase values z̄ (same order). */
export type SpendHistories = { frequency: Float64Array; monetary: Float64Array };

const MIN_CUSTOMERS = 10;

/**
 * Maximum-likelihood fit on customers with at least one repeat purchase and a positive average
 * value; others (no repeat purchase, refunds netting to zero or below) carry no information on
 * spend per transaction and are left out, as the model requires.
 */
export function fitGammaGamma(data: SpendHistories, options: MinimizeOptions = {}): GammaGammaFit {
  if (data.frequency.length !== data.monetary.length) throw new ModelFitError("invalid_data", "frequency and monetary must have the same length");
  let customers = 0;
  let meanSpend = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    if (data.frequency[i]! > 0 && data.monetary[i]! > 0) {
      customers++;
      meanSpend += data.monetary[i]!;
    }
  }
  if (customers < MIN_CUSTOMERS) {
    throw new ModelFitError("insufficient_data", `Gamma-Gamma needs at least ${MIN_CUSTOMERS} repeat customers with positive spend (has ${customers})`);
  }
  meanSpend /= customers;
  const logLikelihood = createLogLikelihood(data, customers);
  const objective = (params: Float64Array, gradient: Float64Array) => {
    const value = -logLikelihood(params[0]!, params[1]!, params[2]!, gradient) / customers;
    for (let i = 0; i < 3; i++) gradient[i] = -gradient[i]! / customers;
    return value;
  };
  const result = minimizePositiveWithGradient(objective, [1, 2, meanSpend], options);
  const [p, q, gamma] = result.x;
  return {
    params: { p: p!, q: q!, gamma: gamma! },
    logLikelihood: -result.value * customers,
    converged: result.converged && Number.isFinite(result.value),
    iterations: result.iterations,
    evaluations: result.evaluations,
    customers,
  };
}

/** Total log-likelihood of the customers the fit uses; its gradient in (p, q, γ) into `gradient` if given. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendHistories, gradient?: Float64Array): number {
  let customers = 0;
  for (let i = 0; i < data.frequency.length; i++) if (data.frequency[i]! > 0 && data.monetary[i]! > 0) customers++;
  return createLogLikelihood(data, customers)(params.p, params.q, params.gamma, gradient);
}

// Per customer (Fader & Hardie 2013, the likelihood of x and z̄, in log form):
// ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + γ).
function createLogLikelihood(data: SpendHistories, customers: number) {
  const x = new Float64Array(customers);
  const logX = new Float64Array(customers);
  const logZbar = new Float64Array(customers);
  const totalSpend = new Float64Array(customers);
  let row = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    const frequency = data.frequency[i]!;
    const zbar = data.monetary[i]!;
    if (!(frequency > 0 && zbar > 0)) continue;
    x[row] = frequency;
    logX[row] = Math.log(frequency);
    logZbar[row] = Math.log(zbar);
    totalSpend[row] = frequency * zbar;
    row++;
  }
  const atPxQ = new Float64Array(2);
  const atPx = new Float64Array(2);
  return (p: number, q: number, gamma: number, gradient?: Float64Array): number => {
    const logGammaQ = logGamma(q);
    const digammaQ = digamma(q);
    const logG = Math.log(gamma);
    let total = 0;
    let dP = 0;
    let dQ = 0;
    let dGamma = 0;
    for (let i = 0; i < customers; i++) {
      const px = p * x[i]!;
      const logTotal = Math.log(totalSpend[i]! + gamma);
      logGammaAndDigamma(px + q, atPxQ);
      logGammaAndDigamma(px, atPx);
      total += atPxQ[0]! - atPx[0]! - logGammaQ + q * logG + (px - 1) * logZbar[i]! + px * logX[i]! - (px + q) * logTotal;
      if (gradient) {
        dP += x[i]! * (atPxQ[1]! - atPx[1]! + logZbar[i]! + logX[i]! - logTotal);
        dQ += atPxQ[1]! - digammaQ + logG - logTotal;
        dGamma += q / gamma - (px + q) / (totalSpend[i]! + gamma);
      }
    }
    if (gradient) gradient.set([dP, dQ, dGamma]);
    return total;
  };
}

/**
 * E[average spend per transaction | x, z̄] (Fader & Hardie 2013): a weighted mean of
 * the population mean pγ/(q−1) and the customer's own average z̄. A customer without repeat
 * purchases gets the population mean.
 */
export function gammaGammaExpectedSpend({ p, q, gamma }: GammaGammaParams, frequency: number, monetary: number): number {
  if (!(frequency > 0) || !(monetary > 0)) return (p * gamma) / (q - 1);
  return (p * (gamma + frequency * monetary)) / (p * frequency + q - 1);
}
