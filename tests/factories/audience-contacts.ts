import { randomBytes } from "node:crypto";
import type { Db } from "../../server/db/client";
import type { Prisma } from "../../server/db/generated/client";

const unique = () => randomBytes(4).toString("hex");

export async function makeContact(db: Db, workspaceId: string, data: Partial<Prisma.ContactUncheckedCreateInput> = {}) {
  return db.contact.create({ data: { workspaceId, email: `contact-${unique()}@example.test`, ...data } });
}

export async function makeEvent(
  db: Db,
  contact: { id: bigint; workspaceId: string },
  data: Partial<Prisma.EventUncheckedCreateInput> & { occurredAt: Date },
) {
  return db.event.create({
    data: {
      workspaceId: contact.workspaceId,
      contactId: contact.id,
      type: "track",
      name: "Product Viewed",
      messageId: `msg-${unique()}`,
      source: "api",
      ...data,
    },
  });
}
