// RFM: recency, frequency and monetary quintile scores (5 = best) and the named segments that
// marketers know them by.

/**
 * Quintile scores 1–5 by rank, as RFM tools assign them ("ntile over order by"): rows are ordered
 * by value (largest best, or smallest with `lowerIsBetter`), ties by each tie-breaker in turn
 * (largest best) and then by position; the k-th row of n (from 0) scores 1 + ⌊5k/n⌋. Equal values
 * spread over neighbouring scores instead of piling into one, so all five scores are used whenever
 * n ≥ 5 — with ranks shared among ties, the many one-time buyers would all score F 1 and leave
 * F 2–3 empty. The SQL twin (apply-scores.ts) is
 * `1 + 5 * (row_number() over (order by value, tie-breakers…, contact_id) − 1) / count(*) over ()`.
 */
export function quintileScores(values: Float64Array, options: { lowerIsBetter?: boolean; tieBreakers?: Float64Array[] } = {}): Uint8Array {
  const n = values.length;
  const direction = options.lowerIsBetter ? -1 : 1;
  const tieBreakers = options.tieBreakers ?? [];
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((p, q) => {
    const byValue = direction * (values[p]! - values[q]!);
    if (byValue !== 0) return byValue;
    for (const tieBreaker of tieBreakers) {
      const byTie = tieBreaker[p]! - tieBreaker[q]!;
      if (byTie !== 0) return byTie;
    }
    return p - q;
  });
  const scores = new Uint8Array(n);
  order.forEach((row, k) => (scores[row] = 1 + Math.floor((5 * k) / n)));
  return scores;
}

/** Purchasers' recency (time since last purchase), purchase count and total or average spend. */
export type RfmValues = { recencyDays: Float64Array; frequency: Float64Array; monetary: Float64Array };
export type RfmScores = { recency: Uint8Array; frequency: Uint8Array; monetary: Uint8Array };

/** Each score's ties go to the better of the other two measures: recency, then frequency, then spend. */
export function rfmScores(values: RfmValues): RfmScores {
  const recentness = values.recencyDays.map((days) => -days);
  return {
    recency: quintileScores(values.recencyDays, { lowerIsBetter: true, tieBreakers: [values.frequency, values.monetary] }),
    frequency: quintileScores(values.frequency, { tieBreakers: [recentness, values.monetary] }),
    monetary: quintileScores(values.monetary, { tieBreakers: [values.frequency, recentness] }),
  };
}

export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalist",
  "New",
  "Promising",
  "Need attention",
  "About to sleep",
  "At risk",
  "Can't lose them",
  "Hibernating",
  "Lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

// The recency × frequency segment map popularised by Putler ("RFM Analysis for Successful
// Customer Segmentation", its 11-segment table) in the grid form most RFM tools use, e.g.
// Champions = R 5 & F 4–5, At risk = R 1–2 & F 3–4, Can't lose them = R 1–2 & F 5; Lost is the
// R 1 & F 1 corner of Hibernating (Putler's lowest scores on every axis). Rows R = 1..5, columns F = 1..5.
const SEGMENT_GRID: ReadonlyArray<ReadonlyArray<RfmSegment>> = [
  ["Lost", "Hibernating", "At risk", "At risk", "Can't lose them"],
  ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
  ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
  ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
  ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
];

/**
 * The segment of an R × F cell. A one-time buyer (`orders` 1) is named as F 1 whatever its
 * rank-based F score: where most buyers bought once, the ranks lift some of them to F 3–4, and a
 * single recent order makes a "New" customer, not a "Champion".
 */
export function rfmSegment(recencyScore: number, frequencyScore: number, orders = Infinity): RfmSegment {
  const row = SEGMENT_GRID[recencyScore - 1];
  const segment = row?.[(orders <= 1 && frequencyScore >= 1 && frequencyScore <= 5 ? 1 : frequencyScore) - 1];
  if (!segment) throw new RangeError(`RFM scores must be 1–5, got R=${recencyScore} F=${frequencyScore}`);
  return segment;
}
