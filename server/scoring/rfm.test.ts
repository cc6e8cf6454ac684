import { describe, expect, it } from "vitest";
import { quintileScores, RFM_SEGMENTS, rfmScores, rfmSegment } from "./rfm";

describe("quintileScores", () => {
  it("splits distinct values into five equal groups, 5 for the largest", () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    expect([...quintileScores(values)]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("inverts the order when lower is better (recency)", () => {
    expect([...quintileScores(Float64Array.of(1, 2, 3, 4, 5), { lowerIsBetter: true })]).toEqual([5, 4, 3, 2, 1]);
  });

  it("spreads tied values over neighbouring scores in input order, as ntile does", () => {
    const values = Float64Array.of(1, 1, 1, 1, 1, 1, 2, 3, 4, 5);
    expect([...quintileScores(values)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("orders tied values by the tie-breakers before their position", () => {
    const values = Float64Array.of(1, 1, 1, 1, 1);
    const tieBreaker = Float64Array.of(30, 10, 50, 20, 40);
    expect([...quintileScores(values, { tieBreakers: [tieBreaker] })]).toEqual([3, 1, 5, 2, 4]);
  });
});

describe("rfmScores", () => {
  it("scores the most recent, most frequent, biggest spender 5-5-5", () => {
    const scores = rfmScores({
      recencyDays: Float64Array.of(2, 40, 90, 200, 365),
      frequency: Float64Array.of(12, 5, 3, 2, 1),
      monetary: Float64Array.of(900, 300, 120, 50, 20),
    });
    expect([scores.recency[0], scores.frequency[0], scores.monetary[0]]).toEqual([5, 5, 5]);
    expect([scores.recency[4], scores.frequency[4], scores.monetary[4]]).toEqual([1, 1, 1]);
  });

  it("fills all five frequency scores when most buyers bought once or twice", () => {
    const frequency = Float64Array.from({ length: 40 }, (_, i) => (i < 28 ? 1 : i < 36 ? 2 : 3 + i - 36));
    const recencyDays = Float64Array.from({ length: 40 }, (_, i) => 1 + ((i * 37) % 365));
    const monetary = Float64Array.from({ length: 40 }, (_, i) => 20 + ((i * 13) % 90));
    const scores = rfmScores({ recencyDays, frequency, monetary });
    for (const score of [1, 2, 3, 4, 5]) expect(scores.frequency.filter((f) => f === score)).toHaveLength(8);
    // Repeat buyers rank above every one-time buyer; among those, the most recent ranks highest.
    for (let i = 28; i < 40; i++) expect(scores.frequency[i]).toBeGreaterThanOrEqual(4);
    const oneTime = Array.from({ length: 28 }, (_, i) => i).sort((p, q) => recencyDays[p]! - recencyDays[q]!);
    expect(scores.frequency[oneTime[0]!]).toBe(4);
    expect(scores.frequency[oneTime[27]!]).toBe(1);
  });
});

describe("rfmSegment", () => {
  it("names the corners of the recency × frequency grid", () => {
    expect(rfmSegment(5, 5)).toBe("Champions");
    expect(rfmSegment(5, 1)).toBe("New");
    expect(rfmSegment(1, 5)).toBe("Can't lose them");
    expect(rfmSegment(1, 1)).toBe("Lost");
  });

  it("names a one-time buyer by recency alone, whatever its rank-based F score", () => {
    expect(rfmSegment(5, 4, 1)).toBe("New");
    expect(rfmSegment(4, 3, 1)).toBe("Promising");
    expect(rfmSegment(1, 3, 1)).toBe("Lost");
    expect(rfmSegment(5, 4, 2)).toBe("Champions");
  });

  it("names the middle of the grid", () => {
    expect(rfmSegment(3, 3)).toBe("Need attention");
    expect(rfmSegment(4, 1)).toBe("Promising");
    expect(rfmSegment(2, 3)).toBe("At risk");
    expect(rfmSegment(3, 1)).toBe("About to sleep");
    expect(rfmSegment(4, 2)).toBe("Potential loyalist");
    expect(rfmSegment(3, 4)).toBe("Loyal");
    expect(rfmSegment(2, 2)).toBe("Hibernating");
  });

  it("uses every published segment somewhere on the grid", () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) used.add(rfmSegment(r, f));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it("rejects scores outside 1–5", () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
  });
});
