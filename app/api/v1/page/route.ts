import { getDb } from "@/server/db/client";
import { handleIngestRequest, ingestPreflight } from "@/server/audience/ingest/handle-request";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleIngestRequest(getDb(), request, "page");
}

export const OPTIONS = ingestPreflight;
