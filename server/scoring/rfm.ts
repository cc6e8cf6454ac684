// RFM: recency, frequency and monetary quintile scores (5 = best) and the named segments that
// marketers know them by.

/**
 * Quintile scores 1–5 of `values`, 5 for the largest (or, with `lowerIsBetter`, the smallest).
 * Tied values always share a score: each value scores by the rank of the first of its ties,
 * score = 1 + ⌊5 · (rank − 1) / n⌋ — the same as SQL's `1 + floor(5 * (rank() over (order by v) - 1) / count(*) over ())`,
 * so scores computed set-wise in Postgres agree with these.
 */
export function quintileScores(values: Float64Array, options: { lowerIsBetter?: boolean } = {}): Uint8Array {
  const n = values.length;
  const direction = options.lowerIsBetter ? -1 : 1;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((p, q) => direction * (values[p]! - values[q]!));
  const scores = new Uint8Array(n);
  let tieStart = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[order[k]!] !== values[order[k - 1]!]) tieStart = k;
    scores[order[k]!] = 1 + Math.floor((5 * tieStart) / n);
  }
  return scores;
}

/** Purchasers' recency (time since last purchase), purchase count and total or average spend. */
export type RfmValues = { recencyDays: Float64Array; frequency: Float64Array; monetary: Float64Array };
export type RfmScores = { recency: Uint8Array; frequency: Uint8Array; monetary: Uint8Array };

export function rfmScores(values: RfmValues): RfmScores {
  return {
    recency: quintileScores(values.recencyDays, { lowerIsBetter: true }),
    frequency: quintileScores(values.frequency),
    monetary: quintileScores(values.monetary),
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

export function rfmSegment(recencyScore: number, frequencyScore: number): RfmSegment {
  const row = SEGMENT_GRID[recencyScore - 1];
  const segment = row?.[frequencyScore - 1];
  if (!segment) throw new RangeError(`RFM scores must be 1–5, got R=${recencyScore} F=${frequencyScore}`);
  return segment;
}
