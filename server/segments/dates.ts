/**
 * Dates as a segment definition writes them, and as custom attributes may hold them: ISO 8601
 * calendar dates ("2026-03-01", read as UTC midnight) or date-times with minutes, optional
 * seconds and milliseconds, and a required zone ("2026-03-01T09:30Z", "…T09:30:15.250+02:00").
 * The SQL compiler recognises exactly this grammar (ISO_DATE_PATTERN) before casting, so a
 * malformed stored value is "not a date" on both sides instead of an error in Postgres.
 */
export const ISO_DATE_PATTERN =
  "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" +
  "(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,3})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$";

const ISO_DATE = new RegExp(ISO_DATE_PATTERN);
const DAY_MS = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isDateOnly(text: string): boolean {
  return text.length === 10;
}

/** Milliseconds since the epoch, or null when `text` is not a date of the grammar above. */
export function parseIsoInstant(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (day > daysInMonth(year, month)) return null;
  if (isDateOnly(text)) return Date.UTC(year, month - 1, day);
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  const rest = text.slice(16);
  const seconds = rest.startsWith(":") ? Number(rest.slice(1, 3)) : 0;
  const fraction = /^:\d\d\.(\d{1,3})/.exec(rest)?.[1];
  const millis = fraction ? Number(fraction.padEnd(3, "0")) : 0;
  const zone = /(Z|[+-]\d\d:\d\d)$/.exec(text)![1]!;
  const offsetMinutes = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return Date.UTC(year, month - 1, day, hour, minute, seconds, millis) - offsetMinutes * 60_000;
}

/** The first instant a bound covers: a calendar date starts at its UTC midnight. */
export function startOfBound(text: string): number {
  const instant = parseIsoInstant(text);
  if (instant === null) throw new Error(`Not an ISO date: ${text}`);
  return instant;
}

/** The last instant (to the millisecond) a bound covers: a calendar date covers its whole day. */
export function endOfBound(text: string): number {
  const start = startOfBound(text);
  return isDateOnly(text) ? start + DAY_MS - 1 : start;
}

export const MINUTE_MS = 60_000;
export const WINDOW_UNIT_MS = { minutes: MINUTE_MS, hours: 3_600_000, days: DAY_MS } as const;
