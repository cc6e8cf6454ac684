import { ModelFitError } from "./errors";

/**
 * Repeat-purchase summaries of customers, one row per customer (or per group of identical
 * customers, counted by `weights`), in one time unit (weeks for CDNOW, days in Tailor):
 * frequency x = repeat purchases (distinct purchase periods after the first), recency t_x = time
 * from first to last purchase, age T = time from first purchase to the end of observation.
 */
export type CustomerHistories = {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  weights?: Float64Array;
};

/** One customer's summary, as the apply functions take it. */
export type CustomerHistory = { frequency: number; recency: number; age: number };

export function checkCustomerHistories(data: CustomerHistories): void {
  const n = data.frequency.length;
  if (data.recency.length !== n || data.age.length !== n || (data.weights && data.weights.length !== n)) {
    throw new ModelFitError("invalid_data", "frequency, recency, age and weights must have the same length");
  }
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i]!;
    const tx = data.recency[i]!;
    const T = data.age[i]!;
    if (!(x >= 0 && Number.isInteger(x)) || !(tx >= 0) || !(T > 0) || tx > T + 1e-9 || (x === 0 && tx !== 0)) {
      throw new ModelFitError("invalid_data", `customer row ${i} is not a valid history (x=${x}, t_x=${tx}, T=${T})`);
    }
    if (data.weights && !(data.weights[i]! >= 0)) throw new ModelFitError("invalid_data", `row ${i} has a negative weight`);
  }
}

export function totalWeight(data: { frequency: Float64Array; weights?: Float64Array }): number {
  if (!data.weights) return data.frequency.length;
  let total = 0;
  for (const weight of data.weights) total += weight;
  return total;
}

/**
 * Merges identical (x, t_x, T) rows into one weighted row. Summaries in whole days repeat a lot
 * (every one-time buyer of the same day is the same row), and the fit's cost is per row.
 */
export function compressCustomerHistories(data: CustomerHistories): Required<CustomerHistories> {
  const { frequency, recency, age, weights } = data;
  const order = Uint32Array.from({ length: frequency.length }, (_, i) => i).sort(
    (p, q) => frequency[p]! - frequency[q]! || age[p]! - age[q]! || recency[p]! - recency[q]!,
  );
  const out = {
    frequency: new Float64Array(order.length),
    recency: new Float64Array(order.length),
    age: new Float64Array(order.length),
    weights: new Float64Array(order.length),
  };
  let rows = -1;
  for (const i of order) {
    const same = rows >= 0 && out.frequency[rows] === frequency[i] && out.age[rows] === age[i] && out.recency[rows] === recency[i];
    if (!same) {
      rows++;
      out.frequency[rows] = frequency[i]!;
      out.recency[rows] = recency[i]!;
      out.age[rows] = age[i]!;
    }
    out.weights[rows]! += weights ? weights[i]! : 1;
  }
  const size = rows + 1;
  return { frequency: out.frequency.slice(0, size), recency: out.recency.slice(0, size), age: out.age.slice(0, size), weights: out.weights.slice(0, size) };
}
