// The CDNOW purchase log (Fader, Hardie & Lee): whitespace-separated
// `customer_id date(YYYYMMDD) number_of_cds dollar_value`, a header line, CRLF line endings.

export const CDNOW_CSV_HEADER = "customer_id,date,quantity,revenue,message_id";

/** How the converted columns map onto an events import. */
export const CDNOW_MAPPING = ["external_id", "occurred_at", "property:quantity", "revenue", "message_id"] as const;
export const CDNOW_EVENT_NAME = "Order Completed";

/**
 * One CDNOW line as a CSV row, or null for the header and blank lines. The message id is the
 * line number, so importing the file again adds nothing.
 */
export function cdnowLineToCsv(line: string, lineNumber: number): string | null {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 4 || !/^\d+$/.test(fields[0]!)) return null;
  const [customerId, date, quantity, dollars] = fields as [string, string, string, string];
  return `${customerId},${date},${quantity},${dollars},cdnow-${lineNumber}`;
}

/** Converts the CDNOW file to CSV as it streams, line by line, without reading it whole. */
export async function* cdnowAsCsv(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  yield Buffer.from(`${CDNOW_CSV_HEADER}\n`);
  let rest = "";
  let lineNumber = 0;
  const convert = (lines: string[]) => {
    let out = "";
    for (const line of lines) {
      lineNumber++;
      const row = cdnowLineToCsv(line, lineNumber);
      if (row !== null) out += `${row}\n`;
    }
    return out;
  };
  for await (const chunk of source) {
    const lines = (rest + chunk.toString()).split(/\r?\n/);
    rest = lines.pop() ?? "";
    const out = convert(lines);
    if (out) yield Buffer.from(out);
  }
  const out = convert(rest ? [rest] : []);
  if (out) yield Buffer.from(out);
}
