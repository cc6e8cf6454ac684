// Validation figures for probability scores against 0/1 outcomes.

/** Area under the ROC curve by the Mann–Whitney statistic, ties counted as one half (mid-ranks). */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number {
  const n = scores.length;
  const order = sortedByScore(scores);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!]) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: Float64Array, labels: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(Math.max(probabilities[i]!, 1e-15), 1 - 1e-15);
    total -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return total / probabilities.length;
}

export type CalibrationBin = { bin: number; count: number; meanPredicted: number; observedRate: number };

/** Equal-count bins (deciles by default) of the predicted probability, lowest first. */
export function calibrationTable(probabilities: Float64Array, labels: Uint8Array, bins = 10): CalibrationBin[] {
  const n = probabilities.length;
  const order = sortedByScore(probabilities);
  const table: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const start = Math.floor((bin * n) / bins);
    const end = Math.floor(((bin + 1) * n) / bins);
    if (end <= start) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = start; k < end; k++) {
      predicted += probabilities[order[k]!]!;
      observed += labels[order[k]!]!;
    }
    table.push({ bin: bin + 1, count: end - start, meanPredicted: predicted / (end - start), observedRate: observed / (end - start) });
  }
  return table;
}

export type RocPoint = { falsePositiveRate: number; truePositiveRate: number };

/** The ROC curve thinned to about `maxPoints` points, from (0, 0) to (1, 1), for charts. */
export function rocCurve(scores: Float64Array, labels: Uint8Array, maxPoints = 100): RocPoint[] {
  const n = scores.length;
  const order = sortedByScore(scores).reverse();
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const negatives = n - positives;
  const points: RocPoint[] = [{ falsePositiveRate: 0, truePositiveRate: 0 }];
  if (positives === 0 || negatives === 0) return points;
  const every = Math.max(1, Math.floor(n / maxPoints));
  let truePositives = 0;
  for (let k = 0; k < n; k++) {
    truePositives += labels[order[k]!]!;
    const lastOfTies = k + 1 === n || scores[order[k + 1]!] !== scores[order[k]!];
    if (lastOfTies && (k % every === 0 || k + 1 === n)) {
      points.push({ falsePositiveRate: (k + 1 - truePositives) / negatives, truePositiveRate: truePositives / positives });
    }
  }
  return points;
}

function sortedByScore(scores: Float64Array): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((p, q) => scores[p]! - scores[q]!);
}
