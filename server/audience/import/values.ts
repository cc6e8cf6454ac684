// Parsing of single CSV cells into typed values. Each parser returns the value, or an error
// reason shown to the user in the error file.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

// Deliberately simple: one @, no spaces, a dot in the domain. Real validity is proven by delivery.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;

/** A lower-cased email address, or a reason it is not one. */
export function parseEmail(text: string): Parsed<string> {
  const email = text.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) return fail(`"${text}" is not a valid email address`);
  return ok(email);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A point in time from ISO 8601 (`2024-03-01`, `2024-03-01T10:15:00Z`, `2024-03-01 10:15`,
 * with or without an offset) or a compact `20240301`. Dates without a time are UTC midnight;
 * times without an offset are UTC.
 */
export function parseDate(text: string): Parsed<Date> {
  const value = text.trim();
  const invalid = fail(`"${text}" is not a date (use YYYY-MM-DD, YYYYMMDD or an ISO 8601 date and time)`);
  const dateOnly = DATE_ONLY.exec(value) ?? COMPACT_DATE.exec(value);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    return validDay(year, month, day) ? ok(new Date(Date.UTC(year, month - 1, day))) : invalid;
  }
  const dateTime = DATE_TIME.exec(value);
  if (!dateTime) return invalid;
  const [year, month, day, hour, minute] = dateTime.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(dateTime[6] ?? 0);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return invalid;
  const millis = Math.round(Number(dateTime[7] ?? 0) * 1000);
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const offset = dateTime[8];
  if (offset && offset.toUpperCase() !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    if (offsetMinutes > 14 * 60) return invalid;
    time -= sign * offsetMinutes * 60_000;
  }
  return ok(new Date(time));
}

const DECIMAL_POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A finite number. With `decimalComma` (files separated by `;`, as European spreadsheets
 * write them) `12,50` is 12.5; thousands separators are never guessed.
 */
export function parseNumber(text: string, decimalComma = false): Parsed<number> {
  const value = text.trim();
  let normalized: string | null = null;
  if (DECIMAL_POINT.test(value)) normalized = value;
  else if (decimalComma && DECIMAL_COMMA.test(value)) normalized = value.replace(",", ".");
  const number = normalized === null ? Number.NaN : Number(normalized);
  return Number.isFinite(number) ? ok(number) : fail(`"${text}" is not a number`);
}

export type ConsentValue = "granted" | "withdrawn" | "denied";

const CONSENT_WORDS: Record<string, ConsentValue> = {
  yes: "granted",
  y: "granted",
  true: "granted",
  "1": "granted",
  granted: "granted",
  "opt-in": "granted",
  optin: "granted",
  "opted in": "granted",
  subscribed: "granted",
  no: "withdrawn",
  n: "withdrawn",
  false: "withdrawn",
  "0": "withdrawn",
  withdrawn: "withdrawn",
  "opt-out": "withdrawn",
  optout: "withdrawn",
  "opted out": "withdrawn",
  unsubscribed: "withdrawn",
  denied: "denied",
};

/** A consent state from the usual spellings (yes/no, true/false, 1/0, granted/withdrawn…). */
export function parseConsent(text: string): Parsed<ConsentValue> {
  const state = CONSENT_WORDS[text.trim().toLowerCase()];
  return state ? ok(state) : fail(`"${text}" is not a consent value (use yes/no, true/false, 1/0, granted/withdrawn)`);
}

const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

export function parsePhone(text: string): Parsed<string> {
  const phone = text.trim();
  return PHONE.test(phone) && /\d{3}/.test(phone.replace(/\D/g, "")) ? ok(phone) : fail(`"${text}" is not a phone number`);
}

let timeZones: Set<string> | undefined;

/** An IANA time zone name such as `Europe/Berlin` (or `UTC`). */
export function parseTimeZone(text: string): Parsed<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
  const zone = text.trim();
  return timeZones.has(zone) ? ok(zone) : fail(`"${text}" is not a known time zone (use a name like Europe/Berlin)`);
}

/**
 * A custom attribute or property value: a number when the text is exactly a number's usual
 * spelling (so `42` and `9.5` sum in segments but `007` and `1.50` keep their zeros), else the text.
 */
export function coerceScalar(text: string): string | number {
  const value = text.trim();
  if (/^-?(?:0|[1-9]\d{0,14})(?:\.\d*[1-9])?$/.test(value)) return Number(value);
  return value;
}
