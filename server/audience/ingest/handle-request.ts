import type { Db } from "../../db/client";
import { authenticateWriteKey } from "./authenticate-write-key";
import { MAX_BODY_BYTES, MAX_MESSAGE_BYTES } from "./limits";
import { parseIngestBody, type IngestEndpoint, type Rejection } from "./parse-body";
import { readBodyWithin } from "./read-body";
import { storeMessages } from "./store-messages";

// Browsers send events from the shops' own sites (analytics.js), so any origin may call the
// API; the write key, not a cookie, authenticates, so no credentials are allowed cross-site.
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "86400",
};

/** The answer to a browser's CORS preflight. */
export function ingestPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

function answer(status: number, body: Record<string, unknown>, headers?: Record<string, string>): Response {
  return Response.json(body, { status, headers: { ...CORS_HEADERS, ...headers } });
}

const failure = (status: number, error: string, headers?: Record<string, string>) => answer(status, { success: false, error }, headers);

/**
 * POST /api/v1/{identify,track,page,batch}: Segment's tracking API. Answers 401 before
 * reading the body when the write key is missing, unknown or revoked; 413 past the size
 * limits; 400 for malformed JSON or an invalid single call; 200 otherwise, a batch listing the
 * items it rejected (Segment answers 200 for partly valid batches too).
 */
export async function handleIngestRequest(db: Db, request: Request, endpoint: IngestEndpoint): Promise<Response> {
  const receivedAt = new Date();
  const maxBytes = endpoint === "batch" ? MAX_BODY_BYTES : MAX_MESSAGE_BYTES;
  try {
    const key = await authenticateWriteKey(db, request.headers.get("authorization"), receivedAt);
    if (!key) {
      return failure(401, "Missing, unknown or revoked write key. Send it as the HTTP Basic user name, with an empty password.", {
        "WWW-Authenticate": 'Basic realm="Tailor ingest API"',
      });
    }
    const body = await readBodyWithin(request, maxBytes);
    if (!body.ok) {
      const what = endpoint === "batch" ? "A batch request" : "A single call";
      return failure(413, `${what} may be at most ${maxBytes / 1024} KB; split the events over several requests.`);
    }
    const parsed = parseIngestBody(body.text, endpoint, receivedAt, body.bytes);
    if (!parsed.ok) return failure(parsed.status, parsed.error);

    const stored = await storeMessages(db, key.workspaceId, parsed.messages, receivedAt);
    const failed: Rejection[] = stored.failed.map(({ position, reason }) => ({
      index: parsed.indexes[position]!,
      messageId: parsed.messages[position]!.messageId,
      reason,
    }));
    if (endpoint !== "batch") return failed.length > 0 ? failure(400, failed[0]!.reason) : answer(200, { success: true });
    const rejected = [...parsed.rejected, ...failed].sort((a, b) => a.index - b.index);
    return answer(200, { success: true, accepted: parsed.messages.length - failed.length, rejected });
  } catch (error) {
    // Segment's clients retry on 5xx, and storing is idempotent by messageId: a retry is safe.
    console.error(`ingest /${endpoint} failed:`, error);
    return failure(500, "Something went wrong on our side; the events were not stored. Please retry.");
  }
}
