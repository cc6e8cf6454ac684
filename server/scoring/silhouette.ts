import type { FeatureMatrix } from "./matrix";

/**
 * Mean silhouette (Rousseeuw, 1987) of the rows listed in `sample`, distances taken within the
 * sample: s = (b − a) / max(a, b), a = mean distance to the own cluster, b = to the nearest other
 * cluster; 0 for a point alone in its cluster.
 */
export function meanSilhouette(matrix: FeatureMatrix, assignments: Int32Array, k: number, sample: Uint32Array): number {
  const { columns, values } = matrix;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (const i of sample) counts[assignments[i]!]!++;
  let total = 0;
  for (const i of sample) {
    sums.fill(0);
    for (const j of sample) {
      if (i === j) continue;
      let squared = 0;
      for (let f = 0; f < columns; f++) {
        const d = values[i * columns + f]! - values[j * columns + f]!;
        squared += d * d;
      }
      sums[assignments[j]!]! += Math.sqrt(squared);
    }
    const own = assignments[i]!;
    if (counts[own]! <= 1) continue;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / sample.length;
}
