import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value in COPY's text format: \N for null, with backslash, tab and line breaks escaped. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (char) => ESCAPES[char]!) : text;
}

export function copyLine(fields: (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(copyField).join("\t")}\n`;
}

// Rows are handed to the socket in chunks of this size: large enough to keep Postgres busy,
// small enough that generating and loading overlap.
const CHUNK_CHARS = 256 * 1024;

async function* chunked(lines: Iterable<string>): AsyncGenerator<string> {
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Streams lines (already in COPY text format) into `table (columns)`; returns the rows written. */
export async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], lines: Iterable<string>) {
  // Table and column names come from the generator's own constants, never from input.
  const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`));
  await pipeline(Readable.from(chunked(lines)), stream);
  return Number(stream.rowCount ?? 0);
}
