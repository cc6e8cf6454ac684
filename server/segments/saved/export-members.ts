import type { Db } from "../../db/client";
import { findSegmentOrThrow } from "./load-segment";

/** Rows read per round trip: the export never holds more than one page in memory. */
const EXPORT_PAGE_ROWS = 5000;

export const EXPORT_COLUMNS = ["email", "external_id", "first_name", "last_name", "country", "entered_at"] as const;

type MemberRow = {
  contact_id: bigint;
  email: string | null;
  external_id: string | null;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  entered_at: Date;
};

/** A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe. */
export function memberCsvCell(value: string | null): string {
  if (value === null) return "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A download name made of the segment's name, safe in a Content-Disposition header. */
export function exportFileName(segmentName: string): string {
  const base = segmentName.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "segment";
  return `${base}-members.csv`;
}

/** The segment, checked against the workspace, and its download name. */
export async function findSegmentForExport(db: Db, workspaceId: string, id: string) {
  const segment = await findSegmentOrThrow(db, workspaceId, id);
  return { id: segment.id, name: segment.name, fileName: exportFileName(segment.name) };
}

/**
 * The members of a segment as CSV lines, in contact id order, read page by page with a keyset
 * cursor on the membership's primary key: constant memory whatever the segment's size.
 */
export async function* exportMemberCsvLines(db: Db, segmentId: string): AsyncGenerator<string> {
  yield `${EXPORT_COLUMNS.join(",")}\r\n`;
  let after = BigInt(0);
  for (;;) {
    const page = await db.$queryRaw<MemberRow[]>`
      select sm.contact_id, c.email, c.external_id, c.first_name, c.last_name, c.country, sm.entered_at
      from segment_membership sm join contact c on c.id = sm.contact_id
      where sm.segment_id = ${segmentId}::uuid and sm.contact_id > ${after}
      order by sm.contact_id limit ${EXPORT_PAGE_ROWS}::int`;
    if (page.length === 0) return;
    yield page
      .map((row) =>
        [row.email, row.external_id, row.first_name, row.last_name, row.country, row.entered_at.toISOString()].map(memberCsvCell).join(",") + "\r\n",
      )
      .join("");
    after = page[page.length - 1]!.contact_id;
  }
}
