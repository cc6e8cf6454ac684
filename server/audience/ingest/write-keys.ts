import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";

export type WriteKeyActor = { userId: string; email: string; workspaceId: string };

export const WRITE_KEY_PREFIX = "tlr_";
/** "tlr_" and the first 8 random characters: enough to tell keys apart, useless to guess one. */
const DISPLAY_PREFIX_LENGTH = WRITE_KEY_PREFIX.length + 8;

export function generateWriteKey(): string {
  return `${WRITE_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function writeKeyPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}

export function hashWriteKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; the key itself is in the answer only, never stored (only its SHA-256). */
export async function createWriteKey(db: Db, actor: WriteKeyActor, input: { name: string }) {
  const key = generateWriteKey();
  const row = await db.writeKey.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      keyPrefix: writeKeyPrefix(key),
      keyHash: hashWriteKey(key),
      createdById: actor.userId,
    },
  });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "write_key.created",
    targetType: "write_key",
    targetId: row.id,
    data: { name: row.name, keyPrefix: row.keyPrefix },
  });
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, createdAt: row.createdAt, key };
}

/** Active keys first (newest first), then revoked ones. */
export async function listWriteKeys(db: Db, workspaceId: string) {
  const rows = await db.writeKey.findMany({
    where: { workspaceId },
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }],
  });
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      keyPrefix: row.keyPrefix,
      createdBy: row.createdBy?.name ?? null,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
    }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** Revoked keys answer 401 from the next request on: authentication reads the row every time. */
export async function revokeWriteKey(db: Db, actor: WriteKeyActor, input: { id: string }) {
  const revoked = await db.writeKey.updateMany({
    where: { id: input.id, workspaceId: actor.workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw new UserFacingError("NOT_FOUND", "That write key does not exist or was already revoked.");
  const row = await db.writeKey.findUniqueOrThrow({ where: { id: input.id } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "write_key.revoked",
    targetType: "write_key",
    targetId: row.id,
    data: { name: row.name, keyPrefix: row.keyPrefix },
  });
  return { id: row.id, revokedAt: row.revokedAt };
}
