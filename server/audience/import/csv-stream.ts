import { type Options, parse } from "csv-parse";
import type { CsvFormat } from "./csv-format";
import { LineTracker } from "./line-tracker";

/** A record longer than this is unreadable (a stray quote would otherwise swallow the rest of the file). */
const MAX_RECORD_CHARS = 1_000_000;

export type CsvItem =
  | { type: "record"; line: number; fields: string[] }
  | { type: "unreadable"; line: number; reason: string };

type Parsed = { fields: string[]; line: number; unreadableBefore: CsvItem[] };

/**
 * The records of a CSV byte stream in file order, each with the line it starts on; records the
 * parser cannot read come as `unreadable` items in their place. Handles a UTF-8 BOM, quoted
 * fields with line breaks, and streams: the parser holds back the source when it is ahead.
 */
export async function* readCsvRecords(source: AsyncIterable<Buffer>, format: CsvFormat): AsyncGenerator<CsvItem> {
  const lines = new LineTracker();
  let unreadable: CsvItem[] = [];
  // on_skip and on_record run synchronously, in file order, so the items keep their order.
  const options: Options<Parsed, string[]> = {
    bom: true,
    delimiter: format.delimiter,
    record_delimiter: format.recordDelimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error) => {
      const reason = (error?.message ?? "Unreadable row").split(":")[0]!.trim();
      unreadable.push({ type: "unreadable", line: lines.skipped(typeof error?.lines === "number" ? error.lines : 0), reason: `Unreadable row: ${reason}` });
      return undefined;
    },
    on_record: (fields: string[], context): Parsed => {
      const line = lines.record(fields, context.empty_lines, context.lines);
      const before = unreadable;
      unreadable = [];
      return { fields, line, unreadableBefore: before };
    },
  };
  // The typings only accept a custom record type together with `columns`; records stay arrays here.
  const parser = parse(options as unknown as Options);
  const feeding = feed(source, parser);
  feeding.catch(() => undefined);
  for await (const parsed of parser as AsyncIterable<Parsed>) {
    yield* parsed.unreadableBefore;
    yield { type: "record", line: parsed.line, fields: parsed.fields };
  }
  await feeding;
  yield* unreadable;
}

/** Writes the chunks into the parser, waiting for it to drain, so memory stays flat. */
async function feed(source: AsyncIterable<Buffer>, parser: ReturnType<typeof parse>): Promise<void> {
  try {
    for await (const chunk of source) {
      if (!parser.write(chunk)) await new Promise<void>((resolve) => parser.once("drain", resolve));
    }
    parser.end();
  } catch (error) {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
