import type { Db } from "../../db/client";

/** Suppressions that apply to a contact: recorded against it, or against its address. */
export function suppressionsOf(db: Pick<Db, "suppression">, contact: { id: bigint; workspaceId: string; email: string | null }) {
  return db.suppression.findMany({
    where: {
      workspaceId: contact.workspaceId,
      OR: [{ contactId: contact.id }, ...(contact.email ? [{ email: contact.email }] : [])],
    },
    orderBy: { createdAt: "desc" },
  });
}
