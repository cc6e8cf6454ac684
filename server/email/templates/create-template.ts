import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { parseEmailDocument, type EmailDocumentInput } from "../document";
import { starterDocument } from "../starters";
import type { TemplateActor } from "./actor";
import type { CreateTemplateInput } from "./schemas";

/** A new email with nothing but a heading, a paragraph and the mandatory footer. */
export const BLANK_DOCUMENT: EmailDocumentInput = {
  version: 1,
  subject: "Hello {{ contact.first_name | default: \"there\" }}",
  preheader: "",
  senderName: "Your brand",
  blocks: [
    { id: "heading", type: "heading", level: 1, text: "Hello {{ contact.first_name | default: \"there\" }}" },
    { id: "intro", type: "text", content: [{ type: "paragraph", runs: [{ type: "text", text: "Write your message here." }] }] },
    { id: "footer", type: "footer", postalAddress: "Your postal address", unsubscribeHref: "{{ unsubscribe_url }}" },
  ],
};

export async function createTemplate(db: Db, actor: TemplateActor, input: CreateTemplateInput): Promise<{ id: string }> {
  const parsed = input.starter ? starterDocument(input.starter) : parseEmailDocument(structuredClone(BLANK_DOCUMENT));
  const document = parsed as Prisma.InputJsonObject;
  const template = await db.$transaction(async (tx) => {
    const created = await tx.emailTemplate.create({
      data: { workspaceId: actor.workspaceId, name: input.name, version: 1, document, updatedById: actor.userId },
    });
    await tx.emailTemplateVersion.create({ data: { templateId: created.id, version: 1, kind: "create", document, authorId: actor.userId } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorEmail: actor.email,
      action: "email.created",
      targetType: "email_template",
      targetId: created.id,
      data: { name: input.name, starter: input.starter ?? null },
      ipAddress: actor.ipAddress,
      userAgent: actor.userAgent,
    });
    return created;
  });
  return { id: template.id };
}
