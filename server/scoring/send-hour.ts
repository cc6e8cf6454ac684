// Best send hour: the hour of day at which a contact most often opens or clicks, estimated with a
// workspace-wide prior so that a contact with two opens does not get an hour from noise. The
// estimate is the posterior mean of a Dirichlet–multinomial model: with prior shares π_h and
// prior strength s (pseudo-engagements), p_h = (n_h + s·π_h) / (n + s).

export const HOURS = 24;

/** Workspace prior shares from the sum of all contacts' (local-time) histograms, add-one smoothed. */
export function workspaceHourPrior(totals: ArrayLike<number>): Float64Array {
  let sum = 0;
  for (let h = 0; h < HOURS; h++) sum += totals[h]! + 1;
  return Float64Array.from({ length: HOURS }, (_, h) => (totals[h]! + 1) / sum);
}

export type SendHourEstimate = { hour: number; probability: number; engagements: number };

/** The most likely engagement hour (earliest on ties) and its posterior probability. */
export function bestSendHour(counts: ArrayLike<number>, prior: ArrayLike<number>, priorStrength = 10): SendHourEstimate {
  let engagements = 0;
  for (let h = 0; h < HOURS; h++) engagements += counts[h]!;
  let hour = 0;
  let best = -1;
  for (let h = 0; h < HOURS; h++) {
    const weight = counts[h]! + priorStrength * prior[h]!;
    if (weight > best) {
      best = weight;
      hour = h;
    }
  }
  return { hour, probability: best / (engagements + priorStrength), engagements };
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

const offsets = new Map<string, number | null>();
const MAX_CACHED_OFFSETS = 10_000;

/** UTC offset of `timeZone` at instant `at`, in minutes (east positive); null for an unknown zone. */
export function timeZoneOffsetMinutes(timeZone: string, at: Date): number | null {
  // Scoring asks for the same few zones at one instant a million times; formatToParts is slow.
  const key = `${timeZone}|${Math.floor(at.getTime() / 60_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  const offset = computeOffsetMinutes(timeZone, at);
  offsets.set(key, offset);
  return offset;
}

function computeOffsetMinutes(timeZone: string, at: Date): number | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  if (!formatter) return null;
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(formatter.formatToParts(at).find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((wallClock - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

// An hour bucket moves by the offset of its midpoint, so half-hour zones (India, +5:30) land
// each UTC hour in the local hour holding most of it.
function shiftHour(hour: number, offsetMinutes: number): number {
  return ((Math.floor(hour + 0.5 + offsetMinutes / 60) % HOURS) + HOURS) % HOURS;
}

/** The local hour in `timeZone` of UTC hour `hourUtc` on the day of `at` (UTC for an unknown zone). */
export function utcHourToLocal(hourUtc: number, timeZone: string | null, at: Date): number {
  return shiftHour(hourUtc, (timeZone && timeZoneOffsetMinutes(timeZone, at)) || 0);
}

/** The UTC hour of local hour `hourLocal` in `timeZone`, for scheduling a send. */
export function localHourToUtc(hourLocal: number, timeZone: string | null, at: Date): number {
  return shiftHour(hourLocal, -((timeZone && timeZoneOffsetMinutes(timeZone, at)) || 0));
}

/** A UTC-hour histogram re-bucketed into the contact's local hours. */
export function toLocalHistogram(countsUtc: ArrayLike<number>, timeZone: string | null, at: Date): Float64Array {
  const offset = (timeZone && timeZoneOffsetMinutes(timeZone, at)) || 0;
  const local = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) local[shiftHour(h, offset)]! += countsUtc[h]!;
  return local;
}
