import type { Db } from "../db/client";
import { AUDIT_ACTIONS, type AuditAction } from "./record";

/**
 * A workspace's audit log, newest first: its own entries plus the sign-ins of its current
 * members (sign-ins belong to no workspace). Keyset-paginated on the id.
 */
export async function listAuditEntries(db: Db, workspaceId: string, page: { cursor?: string | null; limit: number }) {
  const memberIds = (await db.membership.findMany({ where: { workspaceId }, select: { userId: true } })).map(
    (m) => m.userId,
  );
  const rows = await db.auditLogEntry.findMany({
    where: {
      OR: [{ workspaceId }, { workspaceId: null, actorId: { in: memberIds } }],
      ...(page.cursor ? { id: { lt: BigInt(page.cursor) } } : {}),
    },
    include: { actor: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id.toString(),
    createdAt: row.createdAt,
    action: row.action,
    actionLabel: AUDIT_ACTIONS[row.action as AuditAction] ?? row.action,
    actorName: row.actor?.name ?? null,
    actorEmail: row.actorEmail,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
    ipAddress: isUnspecifiedAddress(row.ipAddress) ? null : row.ipAddress,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > page.limit && last ? last.id : null };
}

/** `::` (in any spelling) means the address was not known, e.g. a request without proxy headers. */
export function isUnspecifiedAddress(ip: string | null): boolean {
  return !ip || /^[0:]+$/.test(ip);
}
