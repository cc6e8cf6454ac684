// Number, time and chart helpers for the Scores page and the contact's scores card. Pure.

const DASH = "—";
const counts = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdCompact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });

type Maybe = number | null | undefined;
const missing = (value: Maybe): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

export function formatCount(value: Maybe): string {
  return missing(value) ? DASH : counts.format(Math.round(value));
}

export function formatDecimal(value: Maybe, digits = 2): string {
  if (missing(value)) return DASH;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A z-score with its sign: 0.852 → "+0.85", −1.2 → "−1.20". */
export function formatStandardScore(z: Maybe): string {
  if (missing(z)) return DASH;
  const magnitude = Math.abs(z).toFixed(2);
  if (Number(magnitude) === 0) return "0.00";
  return `${z > 0 ? "+" : "−"}${magnitude}`;
}

/** 0.1234 → "12.3%" (digits after the point, trailing zeros kept so columns line up). */
export function formatPercent(share: Maybe, digits = 1): string {
  if (missing(share)) return DASH;
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatCurrency(value: Maybe, options: { compact?: boolean } = {}): string {
  if (missing(value)) return DASH;
  return (options.compact ? usdCompact : usd).format(value);
}

export function formatDurationMs(ms: Maybe): string {
  if (missing(ms)) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export const formatSeconds = (seconds: Maybe) => formatDurationMs(missing(seconds) ? seconds : seconds * 1000);

/** 7 → "07:00". */
export function formatHour(hour: number): string {
  return `${String(((Math.round(hour) % 24) + 24) % 24).padStart(2, "0")}:00`;
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The local hour of a UTC hour in `timeZone` on the day of `at` (daylight saving included). */
export function utcHourInTimeZone(hourUtc: number, timeZone: string | null, at: Date): number {
  if (!timeZone || !isValidTimeZone(timeZone)) return hourUtc;
  const instant = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), hourUtc));
  const local = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(instant);
  return Number(local);
}

/** "18:00 (Europe/Berlin)" for a local hour; "18:00 UTC" when the contact has no usable time zone. */
export function formatHourInTimeZone(hourLocal: number, timeZone: string | null): string {
  if (!timeZone || !isValidTimeZone(timeZone)) return `${formatHour(hourLocal)} UTC`;
  return `${formatHour(hourLocal)} (${timeZone})`;
}

/** "$0 – $50" for a histogram bin; values formatted by `format`. */
export function formatBinRange(bin: { from: number; to: number }, format: (value: number) => string): string {
  return `${format(bin.from)} – ${format(bin.to)}`;
}

export type LabelledBin = { label: string; from: number; to: number; count: number; share: number };

/** Bins labelled for an axis and a data table, with each bin's share of all counted contacts. */
export function labelBins(bins: { from: number; to: number; count: number }[], format: (value: number) => string): LabelledBin[] {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  return [...bins]
    .sort((p, q) => p.from - q.from)
    .map((bin) => ({ ...bin, label: formatBinRange(bin, format), share: total > 0 ? bin.count / total : 0 }));
}

/** The bin holding the most contacts (the first of equals), or null when all are empty. */
export function modalBin<T extends { count: number }>(bins: T[]): T | null {
  return bins.reduce<T | null>((best, bin) => (bin.count > 0 && (!best || bin.count > best.count) ? bin : best), null);
}

/** Approximate median of a histogram: the bin where the running count passes half of the total, interpolated. */
export function histogramMedian(bins: { from: number; to: number; count: number }[]): number | null {
  const sorted = [...bins].sort((p, q) => p.from - q.from);
  const total = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const bin of sorted) {
    if (seen + bin.count >= total / 2 && bin.count > 0) {
      return bin.from + ((total / 2 - seen) / bin.count) * (bin.to - bin.from);
    }
    seen += bin.count;
  }
  return sorted.at(-1)!.to;
}

/** Heat map cell colour: light to dark brand blue by count relative to the fullest cell, with readable text. */
export function heatCellStyle(count: number, maxCount: number): { backgroundColor: string; color: string } {
  const intensity = maxCount > 0 ? Math.min(1, count / maxCount) : 0;
  // Lightness from 96% (empty) to 30% (fullest) of the brand hue, skipping 57–61% where neither
  // white nor dark text reaches a 4.5:1 contrast.
  const lightness = Math.round(96 - intensity * 66);
  if (lightness < 60) return { backgroundColor: `hsl(224 64% ${Math.min(lightness, 56)}%)`, color: "#ffffff" };
  return { backgroundColor: `hsl(224 64% ${Math.max(lightness, 62)}%)`, color: "#0f172a" };
}

export type StageShare = { stage: string; seconds: number; share: number };

/** A run's stages as shares of their total for a stacked bar, in the order they ran. */
export function stageShares(stages: Record<string, number> | null | undefined): StageShare[] {
  const entries = Object.entries(stages ?? {}).filter(([, seconds]) => Number.isFinite(seconds) && seconds >= 0);
  const total = entries.reduce((sum, [, seconds]) => sum + seconds, 0);
  return entries.map(([stage, seconds]) => ({ stage, seconds, share: total > 0 ? seconds / total : 0 }));
}

/** "features" → "Features", "fit_bgnbd" / "fitBgnbd" → "Fit bgnbd". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "yesterday". */
export function formatRelativeTime(date: Date, now: Date): string {
  let amount = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), "year");
}

/**
 * A ROC curve thinned for drawing and reading: sorted, duplicates dropped, at most `maxPoints`
 * points spread evenly along it, always keeping both ends.
 */
export function thinCurve(points: { fpr: number; tpr: number }[], maxPoints = 101): { fpr: number; tpr: number }[] {
  const seen = new Set<string>();
  const unique = [...points]
    .sort((p, q) => p.fpr - q.fpr || p.tpr - q.tpr)
    .filter((point) => {
      const key = `${point.fpr}:${point.tpr}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (unique.length <= maxPoints) return unique;
  const step = (unique.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => unique[Math.round(i * step)]!);
}
