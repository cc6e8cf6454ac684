import { describe, expect, it } from "vitest";
import { coerceScalar, parseConsent, parseDate, parseEmail, parseNumber, parsePhone, parseTimeZone } from "./values";

describe("parseEmail", () => {
  it("lower-cases and trims a valid address", () => {
    expect(parseEmail("  Ada.Lovelace@Example.COM ")).toEqual({ ok: true, value: "ada.lovelace@example.com" });
  });
  it.each(["not-an-email", "a@b", "a b@example.com", "@example.com", "a@example.c"])("rejects %j", (text) => {
    expect(parseEmail(text)).toEqual({ ok: false, reason: `"${text}" is not a valid email address` });
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-03-01", "2024-03-01T00:00:00.000Z"],
    ["20240301", "2024-03-01T00:00:00.000Z"],
    ["2024-03-01T10:15:00Z", "2024-03-01T10:15:00.000Z"],
    ["2024-03-01 10:15", "2024-03-01T10:15:00.000Z"],
    ["2024-03-01T10:15:30.250+02:00", "2024-03-01T08:15:30.250Z"],
    ["2024-03-01T00:30:00-0130", "2024-03-01T02:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("reads %j as %s (UTC when no offset is given)", (text, iso) => {
    const parsed = parseDate(text);
    expect(parsed.ok && parsed.value.toISOString()).toBe(iso);
  });
  it.each(["2024-02-30", "2023-02-29", "20241301", "01/03/2024", "2024-03-01T25:00", "yesterday", ""])("rejects %j", (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
});

describe("parseNumber", () => {
  it.each([
    ["49.90", 49.9],
    ["-3", -3],
    [".5", 0.5],
    ["1e3", 1000],
    [" 12 ", 12],
  ])("reads %j", (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });
  it("reads a decimal comma only in semicolon files", () => {
    expect(parseNumber("12,50", true)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber("12,50").ok).toBe(false);
  });
  it.each(["ten", "1,000.00", "12€", "NaN", "Infinity", ""])("rejects %j", (text) => {
    expect(parseNumber(text, true).ok).toBe(false);
  });
});

describe("parseConsent", () => {
  it.each(["yes", "Y", "true", "1", "granted", "Opt-in", "subscribed"])("reads %j as granted", (text) => {
    expect(parseConsent(text)).toEqual({ ok: true, value: "granted" });
  });
  it.each(["no", "false", "0", "withdrawn", "unsubscribed", "opt-out"])("reads %j as withdrawn", (text) => {
    expect(parseConsent(text)).toEqual({ ok: true, value: "withdrawn" });
  });
  it("reads denied, and rejects anything else", () => {
    expect(parseConsent("denied")).toEqual({ ok: true, value: "denied" });
    expect(parseConsent("maybe").ok).toBe(false);
  });
});

describe("phone and time zone", () => {
  it("accepts usual phone spellings and rejects text", () => {
    expect(parsePhone("+44 (20) 7946-0000").ok).toBe(true);
    expect(parsePhone("call me").ok).toBe(false);
  });
  it("accepts IANA zone names only", () => {
    expect(parseTimeZone("Europe/Berlin")).toEqual({ ok: true, value: "Europe/Berlin" });
    expect(parseTimeZone("UTC").ok).toBe(true);
    expect(parseTimeZone("CEST+1").ok).toBe(false);
  });
});

describe("coerceScalar", () => {
  it("makes numbers of plain number spellings and keeps everything else as text", () => {
    expect(coerceScalar("42")).toBe(42);
    expect(coerceScalar("-9.5")).toBe(-9.5);
    expect(coerceScalar("0")).toBe(0);
    expect(coerceScalar("007")).toBe("007");
    expect(coerceScalar("1.50")).toBe("1.50");
    expect(coerceScalar("1e3")).toBe("1e3");
    expect(coerceScalar(" gold ")).toBe("gold");
  });
});
