import { describe, expect, it } from "vitest";
import { type CompiledMapping, compileMapping } from "./mapping";
import { importedEventMessageId } from "./message-id";
import { validateContactRecord, validateEventRecord } from "./rows";

const SHA = "ab".repeat(32);
const comma = { delimiter: ",", recordDelimiter: "\n" } as const;

function compiled(kind: "contacts" | "events", header: string[], mapping: (string | null)[], eventName: string | null = null): CompiledMapping {
  const result = compileMapping({ kind, header, mapping, eventName, format: comma, contentSha256: SHA });
  if (!result.ok) throw new Error(result.problem.message);
  return result.mapping;
}

describe("validateContactRecord", () => {
  const mapping = compiled(
    "contacts",
    ["Email", "First", "Tier", "Consent", "Zone"],
    ["email", "first_name", "attribute:tier", "consent_email_marketing", "time_zone"],
  );

  it("builds a contact with empty cells as null and custom attributes typed", () => {
    expect(validateContactRecord([" ADA@example.com", "Ada ", "3", "yes", ""], 2, mapping)).toEqual({
      ok: true,
      row: {
        line: 2,
        email: "ada@example.com",
        externalId: null,
        firstName: "Ada",
        lastName: null,
        phone: null,
        locale: null,
        timeZone: null,
        country: null,
        region: null,
        city: null,
        attributes: { tier: 3 },
        consent: "granted",
      },
    });
  });

  it("reports the first bad field with its line", () => {
    expect(validateContactRecord(["bad", "Ada", "", "", ""], 7, mapping)).toEqual({
      ok: false,
      error: { line: 7, field: "email", reason: '"bad" is not a valid email address' },
    });
    expect(validateContactRecord(["a@example.com", "", "", "perhaps", ""], 8, mapping)).toMatchObject({
      ok: false,
      error: { line: 8, field: "consent_email_marketing" },
    });
  });

  it("requires an email or an external id, and the header's number of columns", () => {
    expect(validateContactRecord(["", "Ada", "", "", ""], 3, mapping)).toEqual({
      ok: false,
      error: { line: 3, field: null, reason: "Neither an email nor an external id" },
    });
    expect(validateContactRecord(["a@example.com", "Ada"], 4, mapping)).toEqual({
      ok: false,
      error: { line: 4, field: null, reason: "Expected 5 columns, found 2" },
    });
  });
});

describe("validateEventRecord", () => {
  it("builds an event with a deterministic message id when the file has none", () => {
    const mapping = compiled("events", ["customer", "date", "amount", "qty"], ["external_id", "occurred_at", "revenue", "property:quantity"], "Order Completed");
    expect(validateEventRecord(["00001", "19970101", "11.77", "2"], 2, mapping)).toEqual({
      ok: true,
      row: {
        line: 2,
        email: null,
        externalId: "00001",
        name: "Order Completed",
        occurredAt: new Date("1997-01-01T00:00:00Z"),
        revenue: 11.77,
        messageId: importedEventMessageId(SHA, 2),
        properties: { quantity: 2 },
      },
    });
  });

  it("reports a bad date and a bad number by field", () => {
    const mapping = compiled("events", ["email", "event", "at", "total"], ["email", "event_name", "occurred_at", "revenue"]);
    expect(validateEventRecord(["a@example.com", "Order Completed", "31/12/2024", "5"], 9, mapping)).toMatchObject({
      ok: false,
      error: { line: 9, field: "occurred_at" },
    });
    expect(validateEventRecord(["a@example.com", "Order Completed", "2024-12-31", "5 EUR"], 10, mapping)).toEqual({
      ok: false,
      error: { line: 10, field: "revenue", reason: '"5 EUR" is not a number' },
    });
    expect(validateEventRecord(["a@example.com", "", "2024-12-31", ""], 11, mapping)).toEqual({
      ok: false,
      error: { line: 11, field: "event_name", reason: "No event name" },
    });
  });
});

describe("compileMapping", () => {
  const attempt = (kind: "contacts" | "events", mapping: (string | null)[], eventName: string | null = null) =>
    compileMapping({ kind, header: ["a", "b", "c"], mapping, eventName, format: comma, contentSha256: SHA });

  it("names what is missing or wrong", () => {
    expect(attempt("contacts", ["first_name", null, null])).toMatchObject({ ok: false, problem: { field: "mapping" } });
    expect(attempt("contacts", ["email", "email", null])).toMatchObject({ ok: false, problem: { field: "mapping.1" } });
    expect(attempt("contacts", ["email", "revenue", null])).toMatchObject({ ok: false, problem: { field: "mapping.1" } });
    expect(attempt("events", ["email", "revenue", null])).toMatchObject({ ok: false, problem: { message: expect.stringContaining("Occurred at") } });
    expect(attempt("events", ["email", "occurred_at", null])).toMatchObject({ ok: false, problem: { field: "eventName" } });
    expect(attempt("events", ["email", "occurred_at", null], "Order Completed")).toMatchObject({ ok: true });
  });

  it("reads decimal commas in semicolon files", () => {
    const result = compileMapping({ kind: "contacts", header: ["a"], mapping: ["email"], eventName: null, format: { delimiter: ";", recordDelimiter: "\n" }, contentSha256: SHA });
    expect(result.ok && result.mapping.decimalComma).toBe(true);
  });
});

describe("importedEventMessageId", () => {
  it("is the same for the same file and line, and differs across lines and files", () => {
    expect(importedEventMessageId(SHA, 5)).toBe(importedEventMessageId(SHA, 5));
    expect(importedEventMessageId(SHA, 5)).not.toBe(importedEventMessageId(SHA, 6));
    expect(importedEventMessageId("cd".repeat(32), 5)).not.toBe(importedEventMessageId(SHA, 5));
  });
});
