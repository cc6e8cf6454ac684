/** How a CSV file is laid out, detected from its first line. */
export type CsvFormat = {
  delimiter: "," | ";" | "\t";
  recordDelimiter: "\n" | "\r\n";
};

const DELIMITERS = [",", ";", "\t"] as const;
const BOM = "\uFEFF";

/** The first line of a file's text (without BOM and line ending), ignoring line breaks inside quotes. */
export function firstLine(text: string): string {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) return body.slice(0, i);
  }
  return body;
}

/** The separator used most often outside quotes in the header line; a comma when none is found. */
export function detectDelimiter(headerLine: string): CsvFormat["delimiter"] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: CsvFormat["delimiter"] = ",";
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Windows files end lines with CRLF. Telling the parser which one is used keeps a lone `\r`
 * inside a field as data, and keeps its line count right.
 */
export function detectRecordDelimiter(text: string): CsvFormat["recordDelimiter"] {
  const line = firstLine(text);
  const start = text.startsWith(BOM) ? 1 : 0;
  return text.slice(start + line.length, start + line.length + 2) === "\r\n" ? "\r\n" : "\n";
}

export function detectCsvFormat(text: string): CsvFormat {
  return { delimiter: detectDelimiter(firstLine(text)), recordDelimiter: detectRecordDelimiter(text) };
}

export const DELIMITER_LABELS: Record<CsvFormat["delimiter"], string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};
