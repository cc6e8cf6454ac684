import { describe, expect, it } from "vitest";
import { exportFileName, memberCsvCell } from "./export-members";

describe("member export format", () => {
  it("quotes cells holding commas, quotes or line breaks", () => {
    expect(memberCsvCell('Bo "B", Jr')).toBe('"Bo ""B"", Jr"');
    expect(memberCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(memberCsvCell("plain")).toBe("plain");
    expect(memberCsvCell(null)).toBe("");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(memberCsvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(memberCsvCell("+1")).toBe("'+1");
    expect(memberCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("names the file after the segment, without characters a header or file system would trip on", () => {
    expect(exportFileName("Lapsed customers")).toBe("Lapsed-customers-members.csv");
    expect(exportFileName('US / "Canada"')).toBe("US-Canada-members.csv");
    expect(exportFileName("Café")).toBe("Cafe-members.csv");
    expect(exportFileName("///")).toBe("segment-members.csv");
  });
});
