import { parse } from "csv-parse/sync";
import type { CsvFormat } from "./csv-format";

export const PREVIEW_ROWS = 10;
const PREVIEW_CELL_CHARS = 120;

/**
 * The header and first rows of a file from the start of its text. Only whole lines are read,
 * so a start cut in the middle of a row still parses.
 */
export function readPreview(text: string, format: CsvFormat): { header: string[]; rows: string[][] } {
  const lastBreak = text.lastIndexOf("\n");
  const complete = lastBreak >= 0 && lastBreak < text.length - 1 ? text.slice(0, lastBreak + 1) : text;
  const records = parse(complete, {
    bom: true,
    delimiter: format.delimiter,
    record_delimiter: format.recordDelimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    to: PREVIEW_ROWS + 1,
  }) as string[][];
  const [header = [], ...rows] = records;
  return {
    header: header.map((cell) => cell.trim()),
    rows: rows.map((row) => row.map((cell) => (cell.length > PREVIEW_CELL_CHARS ? `${cell.slice(0, PREVIEW_CELL_CHARS)}…` : cell))),
  };
}
