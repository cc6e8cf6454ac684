// BG/NBD model of repeat purchasing: Fader, Hardie & Lee, "Counting Your Customers the Easy Way:
// An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005. Equation numbers below
// refer to that paper. Purchases follow Poisson(λ) with λ ~ Gamma(r, α) across customers; after
// each purchase a customer drops out with probability p, p ~ Beta(a, b).
import { checkCustomerHistories, compressCustomerHistories, totalWeight, type CustomerHistories, type CustomerHistory } from "./customer-history";
import { ModelFitError } from "./errors";
import { minimizePositiveWithGradient, type MinimizeOptions } from "./optimize";
import { hyp2f1 } from "./special";

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

export type BgNbdFit = {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Log-likelihood evaluations the optimizer used. */
  evaluations: number;
  customers: number;
};

const MIN_CUSTOMERS = 20;
const MIN_REPEAT_CUSTOMERS = 5;

/** Total log-likelihood (eq. 6 in log form) of the histories; its gradient in (r, α, a, b) into `gradient` if given. */
export function bgNbdLogLikelihood(params: BgNbdParams, data: CustomerHistories, gradient?: Float64Array): number {
  return createLogLikelihood(data)(params.r, params.alpha, params.a, params.b, gradient);
}

/** Maximum-likelihood fit; throws ModelFitError when the data cannot identify the model. */
export function fitBgNbd(data: CustomerHistories, options: MinimizeOptions = {}): BgNbdFit {
  checkCustomerHistories(data);
  const customers = totalWeight(data);
  let repeatCustomers = 0;
  let meanAge = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    const weight = data.weights ? data.weights[i]! : 1;
    if (data.frequency[i]! > 0) repeatCustomers += weight;
    meanAge += (weight * data.age[i]!) / customers;
  }
  if (customers < MIN_CUSTOMERS || repeatCustomers < MIN_REPEAT_CUSTOMERS) {
    throw new ModelFitError(
      "insufficient_data",
      `BG/NBD needs at least ${MIN_CUSTOMERS} customers of whom ${MIN_REPEAT_CUSTOMERS} bought again (has ${customers} and ${repeatCustomers})`,
    );
  }
  const logLikelihood = createLogLikelihood(compressCustomerHistories(data));
  // The mean negative log-likelihood per customer keeps tolerances independent of data size.
  const objective = (p: Float64Array, gradient: Float64Array) => {
    const value = -logLikelihood(p[0]!, p[1]!, p[2]!, p[3]!, gradient) / customers;
    for (let i = 0; i < 4; i++) gradient[i] = -gradient[i]! / customers;
    return value;
  };
  const result = minimizePositiveWithGradient(objective, [1, Math.max(meanAge / 10, 1e-3), 1, 1], options);
  const [r, alpha, a, b] = result.x;
  return {
    params: { r: r!, alpha: alpha!, a: a!, b: b! },
    logLikelihood: -result.value * customers,
    converged: result.converged && Number.isFinite(result.value),
    iterations: result.iterations,
    evaluations: result.evaluations,
    customers,
  };
}

/**
 * Builds the log-likelihood (and, when asked, its gradient in r, α, a, b) over fixed data.
 * Frequencies are counts, so Γ(r+x)/Γ(r) and its digamma differences are running sums tabulated
 * once per evaluation up to max x, and each row costs a few logs — the fit evaluates this dozens
 * of times on up to a million rows.
 */
function createLogLikelihood(data: CustomerHistories) {
  const n = data.frequency.length;
  let maxFrequency = 0;
  for (let i = 0; i < n; i++) maxFrequency = Math.max(maxFrequency, data.frequency[i]!);
  const size = maxFrequency + 1;
  const riseR = new Float64Array(size);
  const riseB = new Float64Array(size);
  const riseAB = new Float64Array(size);
  const harmonicR = new Float64Array(size);
  const harmonicB = new Float64Array(size);
  const harmonicAB = new Float64Array(size);
  const logBxMinus1 = new Float64Array(size);
  const frequency = new Int32Array(data.frequency);
  const { recency, age, weights } = data;

  return (r: number, alpha: number, a: number, b: number, gradient?: Float64Array): number => {
    for (let x = 1; x < size; x++) {
      riseR[x] = riseR[x - 1]! + Math.log(r + x - 1);
      riseB[x] = riseB[x - 1]! + Math.log(b + x - 1);
      riseAB[x] = riseAB[x - 1]! + Math.log(a + b + x - 1);
      harmonicR[x] = harmonicR[x - 1]! + 1 / (r + x - 1);
      harmonicB[x] = harmonicB[x - 1]! + 1 / (b + x - 1);
      harmonicAB[x] = harmonicAB[x - 1]! + 1 / (a + b + x - 1);
      logBxMinus1[x] = Math.log(b + x - 1);
    }
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let total = 0;
    let dR = 0;
    let dAlpha = 0;
    let dA = 0;
    let dB = 0;
    for (let i = 0; i < n; i++) {
      const x = frequency[i]!;
      const w = weights ? weights[i]! : 1;
      const logAlphaT = Math.log(alpha + age[i]!);
      // log of eq. 6: A1·A2·[A3 + δ(x>0)·A4], with A3 = (α+T)^-(r+x) factored out.
      let rowLl = riseR[x]! + r * logAlpha + riseB[x]! - riseAB[x]! - (r + x) * logAlphaT;
      if (gradient) {
        dR += w * (harmonicR[x]! + logAlpha - logAlphaT);
        dAlpha += w * (r / alpha - (r + x) / (alpha + age[i]!));
        dA -= w * harmonicAB[x]!;
        dB += w * (harmonicB[x]! - harmonicAB[x]!);
      }
      if (x > 0) {
        const logGap = logAlphaT - Math.log(alpha + recency[i]!);
        const logRatio = logA - logBxMinus1[x]! + (r + x) * logGap;
        rowLl += logRatio > 0 ? logRatio + Math.log1p(Math.exp(-logRatio)) : Math.log1p(Math.exp(logRatio));
        if (gradient) {
          const share = w / (1 + Math.exp(-logRatio));
          dR += share * logGap;
          dAlpha += share * (r + x) * (1 / (alpha + age[i]!) - 1 / (alpha + recency[i]!));
          dA += share / a;
          dB -= share / (b + x - 1);
        }
      }
      total += w * rowLl;
    }
    if (gradient) gradient.set([dR, dAlpha, dA, dB]);
    return total;
  };
}

/** P(alive | x, t_x, T) (Fader, Hardie & Lee, "Computing P(alive) Using the BG/NBD Model", 2008). */
export function bgNbdProbabilityAlive({ r, alpha, a, b }: BgNbdParams, { frequency: x, recency, age }: CustomerHistory): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected purchases in the next `t` for a customer with history (x, t_x, T), eq. 10. */
export function bgNbdExpectedPurchases(params: BgNbdParams, customer: CustomerHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { frequency: x, age } = customer;
  const z = t / (alpha + age + t);
  const decay = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t)));
  const whileAlive = ((a + b + x - 1) / (a - 1)) * (1 - decay * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return whileAlive * bgNbdProbabilityAlive(params, customer);
}

/** Expected purchases of a newly acquired customer by time `t`, eq. 9. */
export function bgNbdExpectedPurchasesNewCustomer({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const decay = Math.exp(r * Math.log(alpha / (alpha + t)));
  return ((a + b - 1) / (a - 1)) * (1 - decay * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/**
 * P(at least one purchase in the next `t`). Dropout happens only right after a purchase, so a
 * customer alive now buys within t unless the first Poisson arrival comes later; given alive,
 * λ | history ~ Gamma(r + x, α + T), whence P = P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)).
 */
export function bgNbdProbabilityOfPurchase(params: BgNbdParams, customer: CustomerHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha } = params;
  const { frequency: x, age } = customer;
  const noArrival = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t)));
  return bgNbdProbabilityAlive(params, customer) * (1 - noArrival);
}
