import { describe, expect, it } from "vitest";
import { cdnowLineToCsv } from "./cdnow-format";
import { copyLine } from "./copy-text";
import { csvCell } from "./errors-csv";

// The small text formats of the import: COPY lines in, error file cells out, CDNOW rows.

describe("copyLine", () => {
  it("escapes tabs, line breaks and backslashes, and writes null as \\N", () => {
    expect(copyLine([1, "a\tb", "c\nd\\e", null, new Date("2024-01-02T03:04:05Z")])).toBe("1\ta\\tb\tc\\nd\\\\e\t\\N\t2024-01-02T03:04:05.000Z\n");
  });
});

describe("csvCell", () => {
  it("quotes cells with separators and defuses spreadsheet formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
  });
});

describe("cdnowLineToCsv", () => {
  it("converts a whitespace-separated purchase and skips the header", () => {
    expect(cdnowLineToCsv("   00001 19970101   1  11.77", 2)).toBe("00001,19970101,1,11.77,cdnow-2");
    expect(cdnowLineToCsv("customer_id date number_of_cds dollar_value", 1)).toBeNull();
    expect(cdnowLineToCsv("", 3)).toBeNull();
  });
});
