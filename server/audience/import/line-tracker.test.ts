import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { LineTracker } from "./line-tracker";

/** Start lines of each record of `text`, as the import computes them. */
function startLines(text: string, recordDelimiter: "\n" | "\r\n"): number[] {
  const tracker = new LineTracker();
  const starts: number[] = [];
  parse(text, {
    record_delimiter: recordDelimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: (record: string[], context) => {
      starts.push(tracker.record(record, context.empty_lines, context.lines));
      return record;
    },
  });
  return starts;
}

describe("LineTracker", () => {
  it("counts quoted line breaks and skipped empty lines", () => {
    expect(startLines('a,b\n1,2\n\n"x\ny\nz",3\n4,5\n', "\n")).toEqual([1, 2, 4, 7]);
  });

  it("counts a CRLF inside quotes as one line", () => {
    expect(startLines('a,b\r\n1,2\r\n"x\r\ny",3\r\n\r\n4,5', "\r\n")).toEqual([1, 2, 3, 6]);
  });
});
