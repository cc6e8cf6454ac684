import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";

const PAGE = 5000;

/** A CSV cell; cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The error report of an import, checked against the workspace before anything is read. */
export async function findImportForErrors(db: Db, workspaceId: string, id: string): Promise<{ id: string; fileName: string }> {
  const found = await db.import.findFirst({ where: { id, workspaceId }, select: { id: true, fileName: true } });
  if (!found) throw new UserFacingError("NOT_FOUND", "That import does not exist in this workspace.");
  return found;
}

/** The rows of an import's error file, `line,field,reason,raw`, read page by page in line order. */
export async function* errorsCsvLines(db: Db, importId: string): AsyncGenerator<string> {
  yield "line,field,reason,raw\r\n";
  let after = 0;
  for (;;) {
    const page = await db.importError.findMany({
      where: { importId, line: { gt: after } },
      orderBy: { line: "asc" },
      take: PAGE,
    });
    if (page.length === 0) return;
    yield page.map((error) => `${[error.line, error.field, error.reason, error.raw].map(csvCell).join(",")}\r\n`).join("");
    after = page[page.length - 1]!.line;
  }
}
