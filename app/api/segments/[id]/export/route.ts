import { recordAudit } from "@/server/audit/record";
import { workspaceCsvDownload } from "@/server/http/csv-download";
import {
  exportMemberCsvLines,
  findSegmentForExport,
} from "@/server/segments/saved";

// GET /api/segments/<id>/export: the members of a saved segment as CSV (as of its last refresh),
// streamed page by page; any member of the segment's workspace may download it.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  return workspaceCsvDownload(
    request,
    (await params).id,
    "That segment does not exist in this workspace.",
    async ({ db, viewer, workspaceId, id }) => {
      const segment = await findSegmentForExport(db, workspaceId, id);
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
      return {
        fileName: segment.fileName,
        lines: exportMemberCsvLines(db, segment.id),
      };
    },
  );
}
