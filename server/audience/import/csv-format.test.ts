import { describe, expect, it } from "vitest";
import { detectCsvFormat, detectDelimiter, firstLine } from "./csv-format";

describe("detectDelimiter", () => {
  it.each([
    ["email,first_name,last_name", ","],
    ["E-Mail;Vorname;Nachname", ";"],
    ["email\tname\tcity", "\t"],
    ["email", ","],
  ])("finds the separator of %j", (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
  it("ignores separators inside quotes", () => {
    expect(detectDelimiter('"name, full";"email, work";city')).toBe(";");
  });
});

describe("detectCsvFormat", () => {
  it("reads the first line past a BOM and a quoted line break, and tells CRLF from LF", () => {
    expect(firstLine('\uFEFF"a\nb",c\nd,e')).toBe('"a\nb",c');
    expect(detectCsvFormat("\uFEFFa;b\r\n1;2\r\n")).toEqual({ delimiter: ";", recordDelimiter: "\r\n" });
    expect(detectCsvFormat("a,b\n1,2\n")).toEqual({ delimiter: ",", recordDelimiter: "\n" });
  });
});
