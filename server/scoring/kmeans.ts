// k-means on standardized features: k-means++ seeding (Arthur & Vassilvitskii, 2007) from a seeded
// PRNG so a run is reproducible, Lloyd iterations, and k chosen by the mean silhouette.
import { ModelFitError } from "./errors";
import { fitStandardizer, selectRows, standardize, type FeatureMatrix, type Standardizer } from "./matrix";
import { mulberry32, randomIndex } from "./random";
import { meanSilhouette } from "./silhouette";

const CONVERGED_SHARE = 1e-4;

export type KMeansResult = { k: number; centroids: Float64Array; assignments: Int32Array; inertia: number; iterations: number; converged: boolean };

/** One k-means fit on already standardized rows. */
export function fitKMeans(matrix: FeatureMatrix, k: number, options: { seed?: number; maxIterations?: number } = {}): KMeansResult {
  const { rows, columns, values } = matrix;
  if (rows < k) throw new ModelFitError("insufficient_data", `k-means with k = ${k} needs at least ${k} contacts (has ${rows})`);
  const random = mulberry32(options.seed ?? 1);
  const maxIterations = options.maxIterations ?? 100;
  const centroids = seedCentroids(matrix, k, random);
  const assignments = new Int32Array(rows).fill(-1);
  const sums = new Float64Array(k * columns);
  const counts = new Float64Array(k);
  const distances = new Float64Array(rows);
  let iterations = 0;
  let converged = false;
  let inertia = 0;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    inertia = 0;
    for (let i = 0; i < rows; i++) {
      const [nearest, distance] = nearestCentroid(values, i * columns, centroids, k, columns);
      if (assignments[i] !== nearest) changed++;
      assignments[i] = nearest;
      distances[i] = distance;
      inertia += distance;
    }
    // Lloyd creeps on unclustered data; a handful of switching rows no longer moves the centroids.
    if (changed <= rows * CONVERGED_SHARE) {
      converged = true;
      break;
    }
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < rows; i++) {
      const c = assignments[i]!;
      counts[c]!++;
      for (let j = 0; j < columns; j++) sums[c * columns + j]! += values[i * columns + j]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // An empty cluster takes the point farthest from its centroid, which then moves there.
        let farthest = 0;
        for (let i = 1; i < rows; i++) if (distances[i]! > distances[farthest]!) farthest = i;
        distances[farthest] = 0;
        centroids.set(values.subarray(farthest * columns, (farthest + 1) * columns), c * columns);
        continue;
      }
      for (let j = 0; j < columns; j++) centroids[c * columns + j] = sums[c * columns + j]! / counts[c]!;
    }
  }
  return { k, centroids, assignments, inertia, iterations, converged };
}

function seedCentroids(matrix: FeatureMatrix, k: number, random: () => number): Float64Array {
  const { rows, columns, values } = matrix;
  const centroids = new Float64Array(k * columns);
  const first = randomIndex(random, rows);
  centroids.set(values.subarray(first * columns, (first + 1) * columns), 0);
  const nearest = new Float64Array(rows).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const distance = squaredDistance(values, i * columns, centroids, (c - 1) * columns, columns);
      if (distance < nearest[i]!) nearest[i] = distance;
      total += nearest[i]!;
    }
    let target = random() * total;
    let chosen = rows - 1;
    for (let i = 0; i < rows; i++) {
      target -= nearest[i]!;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    centroids.set(values.subarray(chosen * columns, (chosen + 1) * columns), c * columns);
  }
  return centroids;
}

function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, columns: number): number {
  let sum = 0;
  for (let j = 0; j < columns; j++) {
    const d = a[aOffset + j]! - b[bOffset + j]!;
    sum += d * d;
  }
  return sum;
}

function nearestCentroid(values: Float64Array, offset: number, centroids: Float64Array, k: number, columns: number): [number, number] {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const distance = squaredDistance(values, offset, centroids, c * columns, columns);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return [best, bestDistance];
}

/** A clustering ready to store and to assign one contact: centroids in standardized units. */
export type ClusterModel = {
  featureNames: string[];
  standardizer: Standardizer;
  k: number;
  centroids: number[][];
  sizes: number[];
  silhouette: number;
  /** Mean silhouette of every k tried, for the run's validation figures. */
  silhouetteByK: Array<{ k: number; silhouette: number }>;
  converged: boolean;
};

const SEEDINGS_PER_K = 3;

export type ClusterOptions = {
  featureNames: string[];
  seed?: number;
  minK?: number;
  maxK?: number;
  /** Rows k-means is fitted on (a seeded sample when there are more); all rows are then assigned. */
  fitSampleSize?: number;
  /** Rows the silhouette is computed on (it costs O(n²)). */
  silhouetteSampleSize?: number;
};

/**
 * Standardizes the features, fits k-means for each k in [minK, maxK] on a seeded sample and keeps
 * the k with the highest mean silhouette; cluster sizes count every row.
 */
export function fitClusters(features: FeatureMatrix, options: ClusterOptions): ClusterModel {
  const minK = options.minK ?? 2;
  const maxK = Math.min(options.maxK ?? 8, features.rows - 1);
  const seed = options.seed ?? 1;
  if (maxK < minK) throw new ModelFitError("insufficient_data", `clustering needs more than ${minK} contacts (has ${features.rows})`);
  const standardizer = fitStandardizer(features);
  const all = standardize(features, standardizer);
  const matrix = selectRows(all, sampleRows(all.rows, options.fitSampleSize ?? 20_000, seed));
  const silhouetteSample = sampleRows(matrix.rows, options.silhouetteSampleSize ?? 2000, seed + 1);
  let best: { result: KMeansResult; silhouette: number } | undefined;
  const silhouetteByK: ClusterModel["silhouetteByK"] = [];
  for (let k = minK; k <= maxK; k++) {
    // A few seedings per k, keeping the tightest, guard against a poor k-means++ draw.
    let result = fitKMeans(matrix, k, { seed: seed * 1000 + k });
    for (let attempt = 1; attempt < SEEDINGS_PER_K; attempt++) {
      const other = fitKMeans(matrix, k, { seed: seed * 1000 + k + attempt * 100 });
      if (other.inertia < result.inertia) result = other;
    }
    const silhouette = meanSilhouette(matrix, result.assignments, k, silhouetteSample);
    silhouetteByK.push({ k, silhouette });
    if (!best || silhouette > best.silhouette) best = { result, silhouette };
  }
  const { result, silhouette } = best!;
  const columns = features.columns;
  const sizes = new Array<number>(result.k).fill(0);
  for (let i = 0; i < all.rows; i++) sizes[nearestCentroid(all.values, i * columns, result.centroids, result.k, columns)[0]]!++;
  return {
    featureNames: [...options.featureNames],
    standardizer,
    k: result.k,
    centroids: Array.from({ length: result.k }, (_, c) => Array.from(result.centroids.subarray(c * columns, (c + 1) * columns))),
    sizes,
    silhouette,
    silhouetteByK,
    converged: result.converged,
  };
}

/** The cluster of one contact's raw features. */
export function assignCluster(model: ClusterModel, features: ArrayLike<number>): number {
  let best = 0;
  let bestDistance = Infinity;
  model.centroids.forEach((centroid, c) => {
    let distance = 0;
    for (let j = 0; j < centroid.length; j++) {
      const z = (features[j]! - model.standardizer.means[j]!) / model.standardizer.scales[j]!;
      distance += (z - centroid[j]!) ** 2;
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  });
  return best;
}

/** Up to `size` distinct row indices, seeded (partial Fisher–Yates), all rows when fewer. */
function sampleRows(rows: number, size: number, seed: number): Uint32Array {
  const indices = Uint32Array.from({ length: rows }, (_, i) => i);
  if (rows <= size) return indices;
  const random = mulberry32(seed);
  for (let i = 0; i < size; i++) {
    const j = i + randomIndex(random, rows - i);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, size);
}
