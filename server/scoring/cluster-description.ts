import type { ClusterModel } from "./kmeans";

/** Words for a feature's high and low ends, e.g. { high: "high spend", low: "low spend" }. */
export type FeatureWords = { high: string; low: string };

export const PURCHASE_FEATURE_WORDS: Record<string, FeatureWords> = {
  recency_days: { high: "lapsed", low: "recent" },
  frequency: { high: "frequent", low: "infrequent" },
  monetary: { high: "high spend", low: "low spend" },
  tenure_days: { high: "long-standing", low: "new" },
  purchases_30d: { high: "buying this month", low: "not buying this month" },
  purchases_90d: { high: "buying this quarter", low: "not buying this quarter" },
};

/** Centroids at least this many standard deviations from the mean count as high or low. */
const NOTABLE_Z = 0.5;
const MAX_TRAITS = 3;

/**
 * Plain-words profile of each cluster from its centroid, strongest traits first:
 * "high spend, recent, frequent". A cluster near the mean on every feature is "typical".
 */
export function describeClusters(model: ClusterModel, words: Record<string, FeatureWords> = PURCHASE_FEATURE_WORDS): string[] {
  return model.centroids.map((centroid) => {
    const traits = centroid
      .map((z, j) => ({ z, name: model.featureNames[j]! }))
      .filter(({ z }) => Math.abs(z) >= NOTABLE_Z)
      .sort((p, q) => Math.abs(q.z) - Math.abs(p.z) || p.name.localeCompare(q.name))
      .slice(0, MAX_TRAITS)
      .map(({ z, name }) => {
        const featureWords = words[name] ?? { high: `high ${name.replaceAll("_", " ")}`, low: `low ${name.replaceAll("_", " ")}` };
        return z > 0 ? featureWords.high : featureWords.low;
      });
    return traits.length > 0 ? traits.join(", ") : "typical";
  });
}
