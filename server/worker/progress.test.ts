import { describe, expect, it } from "vitest";
import { progressPercent } from "./progress";

describe("progressPercent", () => {
  it("is the whole percent of done over total", () => {
    expect(progressPercent({ status: "running", progressDone: 1, progressTotal: 3 })).toBe(33);
  });

  it("is null when the total is unknown", () => {
    expect(progressPercent({ status: "running", progressDone: 5, progressTotal: null })).toBeNull();
    expect(progressPercent({ status: "queued", progressDone: 0, progressTotal: 0 })).toBeNull();
  });

  it("never passes 100 or drops below 0", () => {
    expect(progressPercent({ status: "running", progressDone: 12, progressTotal: 10 })).toBe(100);
    expect(progressPercent({ status: "running", progressDone: -1, progressTotal: 10 })).toBe(0);
  });

  it("shows 99 rather than rounding an unfinished run up to 100", () => {
    expect(progressPercent({ status: "running", progressDone: 999, progressTotal: 1000 })).toBe(99);
  });

  it("is 100 for a succeeded run whatever it last reported", () => {
    expect(progressPercent({ status: "succeeded", progressDone: 0, progressTotal: null })).toBe(100);
  });

  it("keeps a failed run at the point where it stopped", () => {
    expect(progressPercent({ status: "failed", progressDone: 4, progressTotal: 8 })).toBe(50);
  });
});
