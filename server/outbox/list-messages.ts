import type { Db } from "../db/client";
import { UserFacingError } from "../errors";

export const OUTBOX_PAGE_SIZE = 100;

export type OutboxListRow = { id: string; from: string; to: string; subject: string; date: Date | null; receivedAt: Date };

/** The latest captured messages of a workspace, newest first. */
export async function listOutboxMessages(db: Db, workspaceId: string): Promise<OutboxListRow[]> {
  return db.outboxMessage.findMany({
    where: { workspaceId },
    orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, from: true, to: true, subject: true, date: true, receivedAt: true },
  });
}

export type OutboxMessageView = OutboxListRow & { messageId: string | null; envelopeTo: string[]; headers: { name: string; value: string }[]; html: string | null; text: string | null; sizeBytes: number };

export async function getOutboxMessage(db: Db, workspaceId: string, id: string): Promise<OutboxMessageView> {
  const message = await db.outboxMessage.findFirst({ where: { id, workspaceId } });
  if (!message) throw new UserFacingError("NOT_FOUND", "That message is not in this workspace's outbox.");
  return {
    id: message.id,
    from: message.from,
    to: message.to,
    subject: message.subject,
    date: message.date,
    receivedAt: message.receivedAt,
    messageId: message.messageId,
    envelopeTo: message.envelopeTo,
    headers: message.headers as { name: string; value: string }[],
    html: message.html,
    text: message.text,
    sizeBytes: message.sizeBytes,
  };
}
