import type { Db } from "../../db/client";
import { WRITE_KEY_TOUCH_INTERVAL_MS } from "./limits";
import { hashWriteKey } from "./write-keys";

/**
 * The write key of an `Authorization: Basic base64(key:)` header, as Segment's libraries send
 * it (key as user name, empty password); null when the header is missing or not Basic.
 */
export function writeKeyFromAuthorization(header: string | null): string | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  return key.length > 0 ? key : null;
}

export type AuthenticatedKey = { writeKeyId: string; workspaceId: string };

/**
 * One indexed lookup per request, nothing cached in memory: a key revoked in one web process is
 * refused by all of them from the next request on. last_used_at is written at most once per
 * WRITE_KEY_TOUCH_INTERVAL_MS, so steady traffic does not rewrite the row on every call.
 */
export async function authenticateWriteKey(db: Db, authorization: string | null, now = new Date()): Promise<AuthenticatedKey | null> {
  const key = writeKeyFromAuthorization(authorization);
  if (!key) return null;
  const row = await db.writeKey.findUnique({
    where: { keyHash: hashWriteKey(key) },
    select: { id: true, workspaceId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const staleBefore = new Date(now.getTime() - WRITE_KEY_TOUCH_INTERVAL_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await db.writeKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { writeKeyId: row.id, workspaceId: row.workspaceId };
}
