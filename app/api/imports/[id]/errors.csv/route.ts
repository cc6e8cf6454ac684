import { Readable } from "node:stream";
import { z } from "zod";
import { errorsCsvLines, findImportForErrors } from "@/server/audience/import";
import { resolveViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";

// GET /api/imports/<id>/errors.csv: the rows an import skipped (line, field, reason, raw),
// streamed page by page; any member of the import's workspace may read it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = getDb();
  const viewer = await resolveViewer(db, request.headers);
  if (!viewer) return Response.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!viewer.active) return Response.json({ error: "You are not a member of any workspace." }, { status: 403 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return Response.json({ error: "That import does not exist in this workspace." }, { status: 404 });
  try {
    const found = await findImportForErrors(db, viewer.active.workspaceId, id.data);
    const name = `${found.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_")}-errors.csv`;
    const body = Readable.toWeb(Readable.from(errorsCsvLines(db, found.id))) as ReadableStream;
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
