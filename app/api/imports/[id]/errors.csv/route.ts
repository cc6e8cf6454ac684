import { z } from "zod";
import { errorsCsvLines, findImportForErrors } from "@/server/audience/import";
import { resolveViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { csvDownload } from "@/server/http/csv-download";

// GET /api/imports/<id>/errors.csv: the rows an import skipped (line, field, reason, raw),
// streamed page by page; any member of the import's workspace may read it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = getDb();
  const viewer = await resolveViewer(db, request.headers);
  if (!viewer) return Response.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!viewer.active) return Response.json({ error: "You are not a member of any workspace." }, { status: 403 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return Response.json({ error: "That import does not exist in this workspace." }, { status: 404 });
  const workspaceId = viewer.active.workspaceId;
  return csvDownload(async () => {
    const found = await findImportForErrors(db, workspaceId, id.data);
    const fileName = `${found.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_")}-errors.csv`;
    return { fileName, lines: errorsCsvLines(db, found.id) };
  });
}
