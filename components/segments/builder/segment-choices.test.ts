import { describe, expect, it } from "vitest";
import {
  describeSegmentSize,
  matchSegmentChoices,
  nameSegmentsIn,
  segmentChoices,
  segmentsUsing,
  USES_THIS_SEGMENT,
  type SavedSegmentOption,
} from "./segment-choices";

const NOW = new Date("2026-03-01T12:00:00Z");

function saved(id: string, name: string, usedBy: string[] = []): SavedSegmentOption {
  return { id, name, memberCount: 10, lastRefreshedAt: NOW, usedBy: usedBy.map((user) => ({ id: user })) };
}

// vip is used by loyal, loyal by winback; shoppers stands apart.
const SEGMENTS = [saved("vip", "VIP customers", ["loyal"]), saved("loyal", "Loyal buyers", ["winback"]), saved("winback", "Win back"), saved("shoppers", "Shoe shoppers")];

describe("segment membership choices", () => {
  it("finds the segments that use one, directly and through others", () => {
    expect([...segmentsUsing(SEGMENTS, "vip")].sort()).toEqual(["loyal", "winback"]);
    expect(segmentsUsing(SEGMENTS, "shoppers").size).toBe(0);
  });

  it("stops on a cycle already stored", () => {
    const loop = [saved("a", "A", ["b"]), saved("b", "B", ["a"])];
    expect([...segmentsUsing(loop, "a")]).toEqual(["b"]);
  });

  it("leaves out the segment being edited and blocks those that use it", () => {
    const choices = segmentChoices(SEGMENTS, "vip");
    expect(choices.map((choice) => [choice.id, choice.blockedReason])).toEqual([
      ["loyal", USES_THIS_SEGMENT],
      ["winback", USES_THIS_SEGMENT],
      ["shoppers", null],
    ]);
  });

  it("offers every segment to a new segment", () => {
    expect(segmentChoices(SEGMENTS, null).every((choice) => choice.blockedReason === null)).toBe(true);
    expect(segmentChoices(SEGMENTS, null)).toHaveLength(4);
  });

  it("matches every typed word anywhere in the name, ignoring case", () => {
    expect(matchSegmentChoices(SEGMENTS, "sho").map((s) => s.id)).toEqual(["shoppers"]);
    expect(matchSegmentChoices(SEGMENTS, "BUYERS loyal").map((s) => s.id)).toEqual(["loyal"]);
    expect(matchSegmentChoices(SEGMENTS, "  ")).toHaveLength(4);
    expect(matchSegmentChoices(SEGMENTS, "nobody")).toEqual([]);
  });

  it("describes a segment's size and how fresh it is", () => {
    const ago = (ms: number) => new Date(NOW.getTime() - ms);
    expect(describeSegmentSize({ memberCount: 1234, lastRefreshedAt: ago(5 * 60_000) }, NOW)).toBe("1,234 members · refreshed 5 minutes ago");
    expect(describeSegmentSize({ memberCount: 1, lastRefreshedAt: ago(3 * 3_600_000 + 60_000) }, NOW)).toBe("1 member · refreshed 3 hours ago");
    expect(describeSegmentSize({ memberCount: 0, lastRefreshedAt: ago(2 * 86_400_000) }, NOW)).toBe("0 members · refreshed 2 days ago");
    expect(describeSegmentSize({ memberCount: 7, lastRefreshedAt: ago(10_000) }, NOW)).toBe("7 members · refreshed just now");
    expect(describeSegmentSize({ memberCount: null, lastRefreshedAt: null }, NOW)).toBe("not refreshed yet");
  });

  it("names the segments a server message refers to by id", () => {
    const a = "0b6f1c3e-2f47-4a8e-9a51-6a3c9f0e1d22";
    const b = "5d2e8a71-93c4-4b0f-8e6d-1f7a2c9b3e44";
    const names = new Map([[a, "VIP customers"]]);
    expect(nameSegmentsIn(`This refers to a segment that contains itself (${a} → ${b} → ${a}).`, (id) => names.get(id))).toBe(
      `This refers to a segment that contains itself (“VIP customers” → ${b} → “VIP customers”).`,
    );
  });
});
