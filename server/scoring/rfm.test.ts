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

  it("gives tied values the same score, that of the first of the ties", () => {
    const values = Float64Array.of(1, 1, 1, 1, 1, 1, 2, 3, 4, 5);
    expect([...quintileScores(values)]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it("does not depend on input order", () => {
    const values = Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3);
    const scores = quintileScores(values);
    const reversed = quintileScores(values.slice().reverse());
    expect([...reversed].reverse()).toEqual([...scores]);
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
});

describe("rfmSegment", () => {
  it("names the corners of the recency × frequency grid", () => {
    expect(rfmSegment(5, 5)).toBe("Champions");
    expect(rfmSegment(5, 1)).toBe("New");
    expect(rfmSegment(1, 5)).toBe("Can't lose them");
    expect(rfmSegment(1, 1)).toBe("Lost");
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
