import type { Db } from "../../server/db/client";
import { generateWriteKey, hashWriteKey, writeKeyPrefix } from "../../server/audience/ingest/write-keys";

/** A write key of the workspace, stored the way Settings stores one; returns the key itself too. */
export async function makeWriteKey(db: Db, workspaceId: string, name = "Test site") {
  const key = generateWriteKey();
  const row = await db.writeKey.create({ data: { workspaceId, name, keyPrefix: writeKeyPrefix(key), keyHash: hashWriteKey(key) } });
  return { ...row, key };
}

export function basicAuth(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
}
