import type { CompiledMapping } from "./mapping";
import { importedEventMessageId } from "./message-id";
import {
  coerceScalar,
  type ConsentValue,
  type Parsed,
  parseConsent,
  parseDate,
  parseEmail,
  parseNumber,
  parsePhone,
  parseTimeZone,
} from "./values";

export type ContactRow = {
  line: number;
  email: string | null;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  locale: string | null;
  timeZone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  attributes: Record<string, string | number> | null;
  consent: ConsentValue | null;
};

export type EventRow = {
  line: number;
  email: string | null;
  externalId: string | null;
  name: string;
  occurredAt: Date;
  revenue: number | null;
  messageId: string;
  properties: Record<string, string | number>;
};

export type RowError = { line: number; field: string | null; reason: string };

export type RowResult<T> = { ok: true; row: T } | { ok: false; error: RowError };

/** Longest text kept in a standard field; longer cells are an error, not silently cut. */
const MAX_TEXT = 500;

class RowReader {
  constructor(
    private readonly record: readonly string[],
    private readonly mapping: CompiledMapping,
    readonly line: number,
  ) {}

  /** The trimmed cell of a mapped field, or null when unmapped or empty. */
  text(field: keyof CompiledMapping["columns"]): string | null {
    const index = this.mapping.columns[field];
    if (index === undefined) return null;
    const value = this.record[index]?.trim() ?? "";
    return value === "" ? null : value;
  }

  custom(): Record<string, string | number> | null {
    let values: Record<string, string | number> | null = null;
    for (const { name, index } of this.mapping.custom) {
      const cell = this.record[index]?.trim() ?? "";
      if (cell !== "") (values ??= {})[name] = coerceScalar(cell);
    }
    return values;
  }
}

class RowInvalid extends Error {
  constructor(
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function required<T>(field: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw new RowInvalid(field, parsed.reason);
  return parsed.value;
}

function optional<T>(field: string, text: string | null, parse: (text: string) => Parsed<T>): T | null {
  return text === null ? null : required(field, parse(text));
}

function limited(field: string, text: string | null): string | null {
  if (text !== null && text.length > MAX_TEXT) throw new RowInvalid(field, `Longer than ${MAX_TEXT} characters`);
  return text;
}

function validate<T>(record: readonly string[], line: number, mapping: CompiledMapping, build: (reader: RowReader) => T): RowResult<T> {
  if (record.length !== mapping.columnCount) {
    return {
      ok: false,
      error: { line, field: null, reason: `Expected ${mapping.columnCount} columns, found ${record.length}` },
    };
  }
  try {
    return { ok: true, row: build(new RowReader(record, mapping, line)) };
  } catch (error) {
    if (error instanceof RowInvalid) return { ok: false, error: { line, field: error.field, reason: error.reason } };
    throw error;
  }
}

function identity(reader: RowReader): { email: string | null; externalId: string | null } {
  const email = optional("email", reader.text("email"), parseEmail);
  const externalId = limited("external_id", reader.text("external_id"));
  if (email === null && externalId === null) throw new RowInvalid(null, "Neither an email nor an external id");
  return { email, externalId };
}

/** A CSV record as a contact to store, or the first problem found in it. */
export function validateContactRecord(record: readonly string[], line: number, mapping: CompiledMapping): RowResult<ContactRow> {
  return validate(record, line, mapping, (reader) => ({
    line,
    ...identity(reader),
    firstName: limited("first_name", reader.text("first_name")),
    lastName: limited("last_name", reader.text("last_name")),
    phone: optional("phone", reader.text("phone"), parsePhone),
    locale: limited("locale", reader.text("locale")),
    timeZone: optional("time_zone", reader.text("time_zone"), parseTimeZone),
    country: limited("country", reader.text("country")),
    region: limited("region", reader.text("region")),
    city: limited("city", reader.text("city")),
    attributes: reader.custom(),
    consent: optional("consent_email_marketing", reader.text("consent_email_marketing"), parseConsent),
  }));
}

/** A CSV record as an event to store, or the first problem found in it. */
export function validateEventRecord(record: readonly string[], line: number, mapping: CompiledMapping): RowResult<EventRow> {
  return validate(record, line, mapping, (reader) => {
    const name = limited("event_name", reader.text("event_name")) ?? mapping.fixedEventName;
    if (name === null) throw new RowInvalid("event_name", "No event name");
    const occurredAt = reader.text("occurred_at");
    if (occurredAt === null) throw new RowInvalid("occurred_at", "No date");
    return {
      line,
      ...identity(reader),
      name,
      occurredAt: required("occurred_at", parseDate(occurredAt)),
      revenue: optional("revenue", reader.text("revenue"), (text) => parseNumber(text, mapping.decimalComma)),
      messageId: limited("message_id", reader.text("message_id")) ?? importedEventMessageId(mapping.contentSha256, line),
      properties: reader.custom() ?? {},
    };
  });
}
