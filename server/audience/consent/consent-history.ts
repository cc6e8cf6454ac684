import type { Db } from "../../db/client";

const HISTORY_LIMIT = 200;

/** A contact's consent records, newest first, with who recorded each (the contact must be checked by the caller). */
export async function consentHistory(db: Db, workspaceId: string, contactId: bigint) {
  const records = await db.consentRecord.findMany({
    where: { workspaceId, contactId },
    include: { recordedBy: { select: { name: true, email: true } } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT + 1,
  });
  return {
    records: records.slice(0, HISTORY_LIMIT).map((r) => ({
      id: r.id.toString(),
      purpose: r.purpose,
      state: r.state,
      source: r.source,
      wording: r.wording,
      reason: r.reason,
      ipAddress: r.ipAddress,
      userAgent: r.userAgent,
      recordedBy: r.recordedBy ? r.recordedBy.name || r.recordedBy.email : null,
      occurredAt: r.occurredAt,
    })),
    truncated: records.length > HISTORY_LIMIT,
  };
}
