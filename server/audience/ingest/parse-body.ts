import { MAX_BATCH_ITEMS, MAX_MESSAGE_BYTES } from "./limits";
import type { EventType } from "./message-schema";
import { normalizeMessage, type IngestMessage } from "./normalize-message";
import { isPlainObject } from "./profile-traits";

/** The ingest endpoints: one per Segment call, and batch. */
export const INGEST_ENDPOINTS = ["identify", "track", "page", "batch"] as const;
export type IngestEndpoint = (typeof INGEST_ENDPOINTS)[number];

export type Rejection = { index: number; messageId?: string; reason: string };

export type ParsedBody =
  | { ok: true; messages: IngestMessage[]; /** Index in the request of each message. */ indexes: number[]; rejected: Rejection[] }
  | { ok: false; status: 400 | 413; error: string };

/**
 * Parses a request body into validated messages. A batch keeps its valid items and lists the
 * others with their reason; a single call is valid or refused (400) as a whole.
 */
export function parseIngestBody(text: string, endpoint: IngestEndpoint, receivedAt: Date, bodyBytes: number): ParsedBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, status: 400, error: `Malformed JSON: ${error instanceof Error ? error.message : "the body could not be parsed"}` };
  }
  if (endpoint !== "batch") {
    const single = normalizeMessage(body, receivedAt, endpoint satisfies EventType, false);
    return single.ok ? { ok: true, messages: [single.message], indexes: [0], rejected: [] } : { ok: false, status: 400, error: single.reason };
  }
  if (!isPlainObject(body) || !Array.isArray(body.batch)) return { ok: false, status: 400, error: "batch: must be an array of messages" };
  const items: unknown[] = body.batch;
  if (items.length > MAX_BATCH_ITEMS) {
    return { ok: false, status: 413, error: `batch has ${items.length} messages; at most ${MAX_BATCH_ITEMS} are accepted per request` };
  }
  // No item can pass the per-message limit when the whole body is within it.
  const checkSize = bodyBytes > MAX_MESSAGE_BYTES;
  const messages: IngestMessage[] = [];
  const indexes: number[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, index) => {
    const result = normalizeMessage(item, receivedAt, undefined, checkSize);
    if (result.ok) {
      messages.push(result.message);
      indexes.push(index);
    } else {
      rejected.push({ index, ...(result.messageId ? { messageId: result.messageId } : {}), reason: result.reason });
    }
  });
  return { ok: true, messages, indexes, rejected };
}
