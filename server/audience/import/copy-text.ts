// Postgres COPY text format: tab-separated, `\N` for null, backslash escapes.
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const SPECIAL = /[\\\n\r\t]/g;

export type CopyValue = string | number | boolean | Date | null;

export function copyField(value: CopyValue): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.replace(SPECIAL, (char) => ESCAPES[char]!);
}

/** One COPY line for these values, in column order. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + copyField(values[i] ?? null);
  return `${line}\n`;
}
