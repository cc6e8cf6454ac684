import { describe, expect, it } from "vitest";
import {
  formatBinRange,
  formatCount,
  formatCurrency,
  formatDecimal,
  formatDurationMs,
  formatHour,
  formatHourInTimeZone,
  formatPercent,
  formatRelativeTime,
  formatStandardScore,
  heatCellStyle,
  histogramMedian,
  humanize,
  labelBins,
  modalBin,
  stageShares,
  thinCurve,
  utcHourInTimeZone,
} from "./format";

describe("numbers", () => {
  it("groups thousands in counts and rounds them", () => {
    expect(formatCount(1234567.4)).toBe("1,234,567");
  });

  it("shows a dash for a missing figure", () => {
    for (const format of [formatCount, formatDecimal, formatPercent, formatCurrency, formatDurationMs]) {
      expect(format(null)).toBe("—");
      expect(format(undefined)).toBe("—");
      expect(format(Number.NaN)).toBe("—");
    }
  });

  it("keeps a fixed number of decimals", () => {
    expect(formatDecimal(1.2)).toBe("1.20");
    expect(formatDecimal(0.78512, 3)).toBe("0.785");
  });

  it("signs standard scores", () => {
    expect(formatStandardScore(0.852)).toBe("+0.85");
    expect(formatStandardScore(-1.2)).toBe("−1.20");
    expect(formatStandardScore(-0.001)).toBe("0.00");
  });

  it("writes shares as percentages", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(1, 0)).toBe("100%");
    expect(formatPercent(0.05, 2)).toBe("5.00%");
  });

  it("writes money in dollars, compactly for axes", () => {
    expect(formatCurrency(1234.5)).toBe("$1,234.50");
    expect(formatCurrency(12500, { compact: true })).toBe("$12.5K");
  });
});

describe("durations", () => {
  it("uses milliseconds, seconds or minutes by size", () => {
    expect(formatDurationMs(850)).toBe("850 ms");
    expect(formatDurationMs(3450)).toBe("3.5 s");
    expect(formatDurationMs(42_000)).toBe("42 s");
    expect(formatDurationMs(125_000)).toBe("2 min 5 s");
    expect(formatDurationMs(180_000)).toBe("3 min");
  });

  it("says how long ago a date was", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(formatRelativeTime(new Date("2026-11-25T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(formatRelativeTime(new Date("2026-11-24T12:00:00Z"), now)).toBe("yesterday");
    expect(formatRelativeTime(now, now)).toBe("now");
  });
});

describe("hours and time zones", () => {
  it("writes an hour as a 24-hour clock time", () => {
    expect(formatHour(7)).toBe("07:00");
    expect(formatHour(23)).toBe("23:00");
    expect(formatHour(24)).toBe("00:00");
  });

  it("converts a UTC hour into a contact's time zone, daylight saving included", () => {
    expect(utcHourInTimeZone(17, "Europe/Berlin", new Date("2026-01-15T00:00:00Z"))).toBe(18);
    expect(utcHourInTimeZone(17, "Europe/Berlin", new Date("2026-07-15T00:00:00Z"))).toBe(19);
    expect(utcHourInTimeZone(2, "America/New_York", new Date("2026-01-15T00:00:00Z"))).toBe(21);
  });

  it("keeps UTC for a missing or unknown time zone", () => {
    expect(utcHourInTimeZone(17, null, new Date())).toBe(17);
    expect(utcHourInTimeZone(17, "Mars/Olympus", new Date())).toBe(17);
    expect(formatHourInTimeZone(9, null)).toBe("09:00 UTC");
    expect(formatHourInTimeZone(9, "Mars/Olympus")).toBe("09:00 UTC");
  });

  it("names the time zone beside a local hour", () => {
    expect(formatHourInTimeZone(18, "Europe/Berlin")).toBe("18:00 (Europe/Berlin)");
  });
});

describe("histogram bins", () => {
  const bins = [
    { from: 50, to: 100, count: 30 },
    { from: 0, to: 50, count: 60 },
    { from: 100, to: 150, count: 10 },
  ];

  it("labels each bin with its range and share, in value order", () => {
    const labelled = labelBins(bins, (value) => formatCurrency(value, { compact: true }));
    expect(labelled.map((bin) => bin.label)).toEqual(["$0 – $50", "$50 – $100", "$100 – $150"]);
    expect(labelled.map((bin) => bin.share)).toEqual([0.6, 0.3, 0.1]);
  });

  it("gives empty histograms zero shares", () => {
    expect(labelBins([{ from: 0, to: 1, count: 0 }], String)[0]!.share).toBe(0);
  });

  it("formats a single bin's range", () => {
    expect(formatBinRange({ from: 0.2, to: 0.4 }, (value) => formatPercent(value, 0))).toBe("20% – 40%");
  });

  it("finds the fullest bin", () => {
    expect(modalBin(bins)).toEqual({ from: 0, to: 50, count: 60 });
    expect(modalBin([{ from: 0, to: 1, count: 0 }])).toBeNull();
  });

  it("interpolates the median inside the bin that crosses half of the contacts", () => {
    expect(histogramMedian(bins)).toBeCloseTo(41.67, 2);
    expect(histogramMedian([{ from: 0, to: 10, count: 0 }])).toBeNull();
  });
});

describe("heat map cells", () => {
  it("darkens with the count and switches to white text on dark cells", () => {
    const empty = heatCellStyle(0, 100);
    const full = heatCellStyle(100, 100);
    expect(empty).toEqual({ backgroundColor: "hsl(224 64% 96%)", color: "#0f172a" });
    expect(full).toEqual({ backgroundColor: "hsl(224 64% 30%)", color: "#ffffff" });
  });

  it("keeps every cell's text at a contrast of at least 4.5:1", () => {
    for (let count = 0; count <= 100; count++) {
      const { backgroundColor, color } = heatCellStyle(count, 100);
      const lightness = Number(/(\d+)%\)$/.exec(backgroundColor)![1]);
      const background = relativeLuminance(hslToRgb(224, 0.64, lightness / 100));
      const text = color === "#ffffff" ? 1 : relativeLuminance([15 / 255, 23 / 255, 42 / 255]);
      const contrast = (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05);
      expect(contrast, `count ${count}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("treats an all-empty grid as empty cells", () => {
    expect(heatCellStyle(0, 0).backgroundColor).toBe("hsl(224 64% 96%)");
  });
});

describe("run stages", () => {
  it("turns stage seconds into shares in the order they ran", () => {
    expect(stageShares({ features: 3, fit: 1, write: 0 })).toEqual([
      { stage: "features", seconds: 3, share: 0.75 },
      { stage: "fit", seconds: 1, share: 0.25 },
      { stage: "write", seconds: 0, share: 0 },
    ]);
  });

  it("ignores missing and invalid stage times", () => {
    expect(stageShares(null)).toEqual([]);
    expect(stageShares({ features: Number.NaN, fit: -1 })).toEqual([]);
  });

  it("humanizes stage and figure keys", () => {
    expect(humanize("fit_bgnbd")).toBe("Fit bgnbd");
    expect(humanize("baselineAuc")).toBe("Baseline auc");
    expect(humanize("recallAt10")).toBe("Recall at10");
  });
});

// WCAG 2 relative luminance of an sRGB colour (channels 0–1).
function relativeLuminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hslToRgb(hue: number, saturation: number, lightness: number): number[] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0), channel(8), channel(4)];
}

describe("ROC curves", () => {
  it("sorts the points and drops duplicates", () => {
    expect(
      thinCurve([
        { fpr: 1, tpr: 1 },
        { fpr: 0, tpr: 0 },
        { fpr: 0.5, tpr: 0.8 },
        { fpr: 0.5, tpr: 0.8 },
      ]),
    ).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0.5, tpr: 0.8 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it("keeps at most the requested points, both ends included", () => {
    const curve = Array.from({ length: 1001 }, (_, i) => ({ fpr: i / 1000, tpr: Math.sqrt(i / 1000) }));
    const thinned = thinCurve(curve, 101);
    expect(thinned).toHaveLength(101);
    expect(thinned[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(thinned.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(thinned[50]!.fpr).toBeCloseTo(0.5, 10);
  });
});
