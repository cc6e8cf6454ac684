import { Readable } from "node:stream";
import { importKindSchema, MAX_UPLOAD_BYTES, storeUpload, UploadTooLargeError } from "@/server/audience/import";
import { canEdit } from "@/server/auth/roles";
import { resolveViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { UserFacingError } from "@/server/errors";
import { isSameOriginRequest } from "@/server/http/same-origin";

// POST /api/imports?kind=contacts|events&name=<file name>, the raw file as the body: stores it
// in chunks as it arrives (never whole in memory) and answers the new import's id.
export async function POST(request: Request) {
  if (!isSameOriginRequest(request, getEnv().APP_URL)) {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  const db = getDb();
  const viewer = await resolveViewer(db, request.headers);
  if (!viewer) return Response.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!viewer.active || !canEdit(viewer.active.role)) {
    return Response.json({ error: "Your role does not allow importing." }, { status: 403 });
  }
  const url = new URL(request.url);
  const kind = importKindSchema.safeParse(url.searchParams.get("kind"));
  if (!kind.success) return Response.json({ error: "Choose what the file holds: contacts or events." }, { status: 400 });
  const declaredBytes = Number(request.headers.get("content-length") ?? 0);
  if (declaredBytes > MAX_UPLOAD_BYTES) return Response.json({ error: new UploadTooLargeError(MAX_UPLOAD_BYTES).message }, { status: 413 });
  if (!request.body) return Response.json({ error: "The file is empty." }, { status: 400 });

  try {
    const { id } = await storeUpload(
      db,
      { userId: viewer.userId, workspaceId: viewer.active.workspaceId },
      {
        kind: kind.data,
        fileName: url.searchParams.get("name") ?? "upload.csv",
        body: Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>),
      },
    );
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return Response.json({ error: error.message }, { status: 413 });
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 400 });
    console.error("Import upload failed:", error);
    return Response.json({ error: "The upload failed. Please try again." }, { status: 500 });
  }
}
