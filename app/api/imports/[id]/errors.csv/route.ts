import { errorsCsvLines, findImportForErrors } from "@/server/audience/import";
import { workspaceCsvDownload } from "@/server/http/csv-download";

// GET /api/imports/<id>/errors.csv: the rows an import skipped (line, field, reason, raw),
// streamed page by page; any member of the import's workspace may read it.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  return workspaceCsvDownload(
    request,
    (await params).id,
    "That import does not exist in this workspace.",
    async ({ db, workspaceId, id }) => {
      const found = await findImportForErrors(db, workspaceId, id);
      const fileName = `${found.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_")}-errors.csv`;
      return { fileName, lines: errorsCsvLines(db, found.id) };
    },
  );
}
