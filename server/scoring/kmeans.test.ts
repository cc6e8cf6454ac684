import { describe, expect, it } from "vitest";
import { describeClusters } from "./cluster-description";
import { ModelFitError } from "./errors";
import { assignCluster, fitClusters, fitKMeans } from "./kmeans";
import { featureMatrix } from "./matrix";
import { mulberry32 } from "./random";

/** Well-separated Gaussian-ish blobs around the given centres. */
function blobs(centres: number[][], perBlob: number, seed: number) {
  const random = mulberry32(seed);
  const columns = centres[0]!.length;
  const matrix = featureMatrix(centres.length * perBlob, columns);
  const truth = new Int32Array(centres.length * perBlob);
  centres.forEach((centre, c) => {
    for (let i = 0; i < perBlob; i++) {
      const row = c * perBlob + i;
      truth[row] = c;
      for (let j = 0; j < columns; j++) matrix.values[row * columns + j] = centre[j]! + (random() + random() + random() - 1.5) * 0.5;
    }
  });
  return { matrix, truth };
}

const featureNames = ["recency_days", "frequency", "monetary"];
const centres = [
  [10, 8, 500],
  [300, 1, 20],
  [150, 3, 90],
  [20, 1, 40],
].map(([r, f, m]) => [r! / 10, f!, m! / 20]);

describe("fitKMeans", () => {
  it("separates well-separated blobs and converges", () => {
    const { matrix, truth } = blobs(centres, 100, 1);
    const result = fitKMeans(matrix, 4, { seed: 3 });
    expect(result.converged).toBe(true);
    // Every true blob maps to exactly one cluster.
    for (let c = 0; c < 4; c++) {
      const labels = new Set<number>();
      truth.forEach((t, i) => t === c && labels.add(result.assignments[i]!));
      expect(labels.size).toBe(1);
    }
  });

  it("is reproducible for a seed", () => {
    const { matrix } = blobs(centres, 50, 2);
    expect([...fitKMeans(matrix, 3, { seed: 9 }).assignments]).toEqual([...fitKMeans(matrix, 3, { seed: 9 }).assignments]);
  });
});

describe("fitClusters", () => {
  it("chooses k = 4 by silhouette for four blobs and assigns new contacts to the right one", () => {
    const { matrix } = blobs(centres, 150, 4);
    const model = fitClusters(matrix, { featureNames, silhouetteSampleSize: 300 });
    expect(model.k).toBe(4);
    expect(model.silhouetteByK.map(({ k }) => k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(model.silhouette).toBeGreaterThan(0.7);
    expect(model.sizes.reduce((a, b) => a + b)).toBe(600);
    const near = (c: number) => assignCluster(model, centres[c]!);
    expect(new Set([0, 1, 2, 3].map(near)).size).toBe(4);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it("fits on a sample of a large audience but counts every contact in the sizes", () => {
    const { matrix } = blobs(centres, 1000, 6);
    const model = fitClusters(matrix, { featureNames, fitSampleSize: 400, silhouetteSampleSize: 200 });
    expect(model.k).toBe(4);
    expect(model.sizes.reduce((a, b) => a + b)).toBe(4000);
    expect(Math.min(...model.sizes)).toBeGreaterThan(900);
  });

  it("refuses too few contacts", () => {
    expect(() => fitClusters(featureMatrix(2, 3), { featureNames })).toThrow(ModelFitError);
  });
});

describe("describeClusters", () => {
  it("names each cluster by its strongest traits", () => {
    const { matrix } = blobs(centres, 100, 5);
    const model = fitClusters(matrix, { featureNames, minK: 4, maxK: 4 });
    const descriptions = describeClusters(model);
    const champions = descriptions[assignCluster(model, centres[0]!)]!;
    expect(champions.split(", ").sort()).toEqual(["frequent", "high spend", "recent"]);
    expect(descriptions[assignCluster(model, centres[1]!)]).toContain("lapsed");
  });

  it("calls a cluster at the mean on every feature typical, and falls back to the feature name", () => {
    const model = { featureNames: ["opens_30d"], centroids: [[0.1], [1.2]] } as Parameters<typeof describeClusters>[0];
    expect(describeClusters(model)).toEqual(["typical", "high opens 30d"]);
  });
});
