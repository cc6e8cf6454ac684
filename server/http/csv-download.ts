import { Readable } from "node:stream";
import { z } from "zod";
import { resolveViewer, type Viewer } from "../auth/viewer";
import { getDb, type Db } from "../db/client";
import { UserFacingError } from "../errors";

type CsvFile = { fileName: string; lines: AsyncIterable<string> };

/**
 * A CSV file streamed as it is read (an import's errors, a segment's members), never held in
 * memory whole. `open` finds the record and its lines; a UserFacingError from it answers 404.
 */
export async function csvDownload(open: () => Promise<CsvFile>): Promise<Response> {
  try {
    const { fileName, lines } = await open();
    return new Response(Readable.toWeb(Readable.from(lines)) as ReadableStream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

/**
 * A download of one record of the caller's workspace, by the id in its URL: 401 signed out, 403
 * without a workspace, 404 (`notFound`) for an id that is not a uuid or not found; any member may read.
 */
export async function workspaceCsvDownload(
  request: Request,
  rawId: string,
  notFound: string,
  open: (context: { db: Db; viewer: Viewer; workspaceId: string; id: string }) => Promise<CsvFile>,
): Promise<Response> {
  const db = getDb();
  const viewer = await resolveViewer(db, request.headers);
  if (!viewer) return Response.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!viewer.active) return Response.json({ error: "You are not a member of any workspace." }, { status: 403 });
  const id = z.uuid().safeParse(rawId);
  if (!id.success) return Response.json({ error: notFound }, { status: 404 });
  const workspaceId = viewer.active.workspaceId;
  return csvDownload(() => open({ db, viewer, workspaceId, id: id.data }));
}
