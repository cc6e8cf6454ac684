const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes("\n") || field.includes("\r")) count += field.match(LINE_BREAK)?.length ?? 0;
  }
  return count;
}

/**
 * The file line on which each CSV record starts, as a spreadsheet user would count it (the
 * header is line 1). csv-parse reports where records end and counts a CRLF inside quotes as
 * two lines, so lines are counted here from the records themselves and the skipped empty lines.
 */
export class LineTracker {
  private lastLine = 0;
  private emptyLinesSeen = 0;
  /** csv-parse's line count minus ours, to place the records it skips for errors. */
  private parserDrift = 0;

  /** The start line of the next parsed record, given csv-parse's running counts. */
  record(fields: readonly string[], parserEmptyLines: number, parserLines: number): number {
    const start = this.lastLine + 1 + (parserEmptyLines - this.emptyLinesSeen);
    this.emptyLinesSeen = parserEmptyLines;
    this.lastLine = start + lineBreaks(fields);
    this.parserDrift = parserLines - this.lastLine;
    return start;
  }

  /** The start line of a record csv-parse could not read, then resynchronized to where it stopped. */
  skipped(parserLines: number): number {
    const start = this.lastLine + 1;
    this.lastLine = Math.max(start, parserLines - this.parserDrift);
    return start;
  }
}
