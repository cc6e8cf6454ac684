import nodemailer from "nodemailer";
import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { compileTemplate, renderForRecipient } from "../compile";
import { loadRecipients, loadSendContext } from "../recipients";
import { generateRecipients, sampleSendContext } from "../sample-recipients";
import type { TemplateActor } from "../templates/actor";
import { findTemplateOrThrow } from "../templates/find-template";
import { checkDocument, hasBlockingIssues } from "../templates/template-issues";
import { workspaceVocabulary } from "../templates/workspace-vocabulary";
import type { SmtpTarget } from "./smtp-config";
import { testMessage } from "./test-message";

export type TestSendInput = { id: string; document?: Record<string, unknown>; contactId?: string; to: string };
export type TestSendResult = { messageId: string; captured: boolean };

/**
 * Sends one email, personalised for a chosen contact (or a sample recipient), to any address
 * over SMTP. Refused while the email has blocking issues: what is tested is what would be sent.
 */
export async function testSend(
  db: Db,
  actor: TemplateActor,
  input: TestSendInput,
  smtp: SmtpTarget | null,
  links: { unsubscribeUrl: (contactId: string) => string },
): Promise<TestSendResult> {
  const template = await findTemplateOrThrow(db, actor.workspaceId, input.id);
  const { document, issues } = checkDocument(input.document ?? template.document, await workspaceVocabulary(db, actor.workspaceId));
  if (!document || hasBlockingIssues(issues)) {
    const first = issues.find((issue) => issue.severity === "error");
    throw new UserFacingError("BAD_REQUEST", `Fix the email before sending a test: ${first?.message ?? "it is not valid"}`, first?.path);
  }
  if (!smtp) throw new UserFacingError("BAD_REQUEST", "No SMTP server is configured: set SMTP_URL, or start Tailor with npm run dev or npm start to capture test emails in the Outbox.");
  const [recipient] = input.contactId ? await loadRecipients(db, actor.workspaceId, [input.contactId], links) : generateRecipients(1, 7);
  if (!recipient) throw new UserFacingError("NOT_FOUND", "That contact does not exist in this workspace.", "contactId");
  const send = input.contactId ? await loadSendContext(db, actor.workspaceId, document, { id: "test", name: template.name }) : sampleSendContext();
  const rendered = renderForRecipient(await compileTemplate(document), recipient, send);

  const transport = nodemailer.createTransport(smtp.url);
  let messageId: string;
  try {
    const info = await transport.sendMail(
      testMessage(rendered, { from: smtp.from, to: input.to, workspaceId: actor.workspaceId, unsubscribeUrl: recipient.unsubscribe_url }),
    );
    messageId = info.messageId;
  } catch (error) {
    console.error("test send failed", { templateId: template.id, error });
    throw new UserFacingError("BAD_REQUEST", "The SMTP server did not accept the message. Check SMTP_URL and try again.");
  } finally {
    transport.close();
  }
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "email.test_sent",
    targetType: "email_template",
    targetId: template.id,
    data: { to: input.to, contactId: input.contactId ?? null, messageId },
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent,
  });
  return { messageId, captured: smtp.captured };
}
