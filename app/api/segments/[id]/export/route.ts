import { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import { resolveViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { csvDownload } from "@/server/http/csv-download";
import { exportMemberCsvLines, findSegmentForExport } from "@/server/segments/saved";

// GET /api/segments/<id>/export: the members of a saved segment as CSV (as of its last refresh),
// streamed page by page; any member of the segment's workspace may download it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = getDb();
  const viewer = await resolveViewer(db, request.headers);
  if (!viewer) return Response.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!viewer.active) return Response.json({ error: "You are not a member of any workspace." }, { status: 403 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return Response.json({ error: "That segment does not exist in this workspace." }, { status: 404 });
  const workspaceId = viewer.active.workspaceId;
  return csvDownload(async () => {
    const segment = await findSegmentForExport(db, workspaceId, id.data);
    await recordAudit(db, {
      workspaceId,
      actorId: viewer.userId,
      actorEmail: viewer.email,
      action: "segment.exported",
      targetType: "segment",
      targetId: segment.id,
      data: { name: segment.name },
      ipAddress: request.headers.get("x-forwarded-for"),
      userAgent: request.headers.get("user-agent"),
    });
    return { fileName: segment.fileName, lines: exportMemberCsvLines(db, segment.id) };
  });
}
