// One-sentence summaries of each chart for screen readers (aria-label) and captions. Pure.
import { formatCount, formatDecimal, formatHour, formatPercent, histogramMedian, labelBins, modalBin } from "./format";
import type { HistogramBin, ScoreCharts } from "./types";

export function summarizeHistogram(
  what: string,
  bins: HistogramBin[],
  format: (value: number) => string,
): string {
  const labelled = labelBins(bins, format);
  const total = labelled.reduce((sum, bin) => sum + bin.count, 0);
  const fullest = modalBin(labelled);
  const median = histogramMedian(bins);
  if (!fullest || median === null) return `${what}: no contacts to show.`;
  return `${what} of ${formatCount(total)} contacts: most fall in ${fullest.label} (${formatPercent(fullest.share, 0)}); median about ${format(median)}.`;
}

export function summarizeRfmGrid(cells: ScoreCharts["rfmGrid"]): string {
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const fullest = modalBin(cells);
  if (!fullest) return "RFM grid: no scored contacts.";
  return `Recency by frequency grid of ${formatCount(total)} contacts; the fullest cell is R ${fullest.r}, F ${fullest.f} with ${formatCount(fullest.count)} contacts.`;
}

export function summarizeSegments(segments: ScoreCharts["rfmSegments"]): string {
  const largest = [...segments].sort((p, q) => q.count - p.count).slice(0, 3);
  if (largest.length === 0) return "RFM segments: none.";
  return `Largest RFM segments: ${largest.map((s) => `${s.segment} ${formatCount(s.count)}`).join(", ")}.`;
}

/** The largest gap between predicted and observed purchase rates, in percentage points, over bins with contacts. */
export function largestCalibrationGap(points: ScoreCharts["calibration"]): number | null {
  const filled = points.filter((point) => point.count > 0);
  if (filled.length === 0) return null;
  return Math.max(...filled.map((point) => Math.abs(point.predicted - point.observed)));
}

export function summarizeCalibration(points: ScoreCharts["calibration"]): string {
  const gap = largestCalibrationGap(points);
  if (gap === null) return "Calibration: no held-out contacts.";
  return `Predicted against observed purchase rate in ${points.length} bins; the largest gap is ${formatDecimal(gap * 100, 1)} percentage points.`;
}

export function summarizeRoc(auc: number | undefined, baselineAuc: number | undefined): string {
  const model = auc === undefined ? "ROC curve of the purchase propensity model" : `ROC curve, AUC ${formatDecimal(auc, 3)}`;
  return baselineAuc === undefined ? `${model}.` : `${model}; BG/NBD baseline AUC ${formatDecimal(baselineAuc, 3)}.`;
}

export function summarizeClusters(clusters: ScoreCharts["clusters"]): string {
  if (clusters.length === 0) return "Clusters: none.";
  const parts = [...clusters]
    .sort((p, q) => q.size - p.size)
    .map((cluster) => `${cluster.label}, ${formatCount(cluster.size)} contacts (${cluster.description})`);
  return `${clusters.length} clusters: ${parts.join("; ")}.`;
}

export function summarizeSendHours(hours: ScoreCharts["sendHours"]): string {
  const total = hours.reduce((sum, hour) => sum + hour.count, 0);
  const peak = modalBin(hours);
  if (!peak) return "Best send hours: no contacts.";
  const summary = `Best send hours of ${formatCount(total)} contacts, in their own time zones: the most common is ${formatHour(peak.hour)} (${formatPercent(peak.count / total, 0)}).`;
  const priorOnly = hours.reduce((sum, hour) => sum + (hour.priorOnly ?? 0), 0);
  if (priorOnly === 0) return summary;
  const own = hours.map((hour) => ({ hour: hour.hour, count: hour.count - (hour.priorOnly ?? 0) }));
  const ownTotal = total - priorOnly;
  const ownPeak = modalBin(own);
  const ownPart = ownPeak
    ? ` Among the ${formatCount(ownTotal)} with activity of their own, the most common is ${formatHour(ownPeak.hour)} (${formatPercent(ownPeak.count / ownTotal, 0)}).`
    : "";
  return `${summary} ${formatCount(priorOnly)} without opens, clicks, orders or visits in the last 90 days get the workspace's usual hour.${ownPart}`;
}
