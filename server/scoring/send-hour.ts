// Best send hour: the hour of day at which a contact is most often around — opening or clicking
// email, visiting the site, ordering — estimated with a workspace-wide prior so that a contact
// with two events does not get an hour from noise. The estimate is the posterior mean of a
// Dirichlet–multinomial model: with prior shares π_h and prior strength s (pseudo-events),
// p_h = (n_h + s·π_h) / (n + s). With s = 10 over 24 hours, a handful of the contact's own events
// outweighs any but a sharply peaked prior; a contact with none gets the prior's favourite hour.

export const HOURS = 24;
export const PRIOR_STRENGTH = 10;

/**
 * Weights of the hour histograms in a contact's counts: an open or click is the direct answer to
 * an email's arrival; a visit or an order only shows when the contact is around.
 */
export const SEND_HOUR_WEIGHTS = { engagement: 1, visits: 0.5, orders: 0.5 } as const;

export type HourHistograms = { engagement: ArrayLike<number>; visits: ArrayLike<number>; orders: ArrayLike<number> };

/**
 * A contact's weighted events per hour (same clock as the inputs), written into `into` when given:
 * the apply stage scores a million contacts and reuses one buffer.
 */
export function sendHourCounts(histograms: HourHistograms, into = new Float64Array(HOURS)): Float64Array {
  for (let h = 0; h < HOURS; h++) {
    into[h] =
      SEND_HOUR_WEIGHTS.engagement * (histograms.engagement[h] ?? 0) +
      SEND_HOUR_WEIGHTS.visits * (histograms.visits[h] ?? 0) +
      SEND_HOUR_WEIGHTS.orders * (histograms.orders[h] ?? 0);
  }
  return into;
}

/**
 * Workspace prior shares from contacts' (local-time) histograms: the mean of each contact's own
 * shares, so every contact has one vote and a few heavy users cannot set everyone's hour; one
 * flat pseudo-contact keeps every hour possible.
 */
export function workspaceHourPrior(histograms: readonly ArrayLike<number>[]): Float64Array {
  const prior = new Float64Array(HOURS).fill(1 / HOURS);
  let voters = 1;
  for (const histogram of histograms) {
    let total = 0;
    for (let h = 0; h < HOURS; h++) total += histogram[h]!;
    if (total <= 0) continue;
    for (let h = 0; h < HOURS; h++) prior[h]! += histogram[h]! / total;
    voters++;
  }
  return prior.map((share) => share / voters);
}

export type SendHourEstimate = { hour: number; probability: number; engagements: number };

/** The most likely engagement hour (earliest on ties) and its posterior probability. */
export function bestSendHour(counts: ArrayLike<number>, prior: ArrayLike<number>, priorStrength = PRIOR_STRENGTH): SendHourEstimate {
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

/** A UTC-hour histogram re-bucketed into the contact's local hours (into `into` when given). */
export function toLocalHistogram(countsUtc: ArrayLike<number>, timeZone: string | null, at: Date, into = new Float64Array(HOURS)): Float64Array {
  const offset = (timeZone && timeZoneOffsetMinutes(timeZone, at)) || 0;
  const local = into.fill(0);
  for (let h = 0; h < HOURS; h++) local[shiftHour(h, offset)]! += countsUtc[h]!;
  return local;
}
