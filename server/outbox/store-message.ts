import type { Db } from "../db/client";
import type { ParsedMessage } from "./parse-captured";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Envelope = { from: string; to: string[]; sizeBytes: number };

/**
 * Files a captured message under the workspace its X-Tailor-Workspace header names, when that
 * workspace exists; anything else is stored without one and shown to nobody.
 */
export async function storeCapturedMessage(db: Db, message: ParsedMessage, envelope: Envelope): Promise<{ id: string; workspaceId: string | null }> {
  const claimed = message.workspaceHeader && UUID.test(message.workspaceHeader) ? message.workspaceHeader : null;
  const workspace = claimed ? await db.workspace.findUnique({ where: { id: claimed }, select: { id: true } }) : null;
  const stored = await db.outboxMessage.create({
    data: {
      workspaceId: workspace?.id ?? null,
      messageId: message.messageId,
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to,
      from: message.from,
      to: message.to,
      subject: message.subject,
      date: message.date,
      headers: message.headers,
      html: message.html,
      text: message.text,
      sizeBytes: envelope.sizeBytes,
    },
    select: { id: true, workspaceId: true },
  });
  return stored;
}
