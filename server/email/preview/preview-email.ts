import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { compileTemplate, renderForRecipient } from "../compile";
import type { EmailDocument } from "../document";
import { loadRecipients, loadSendContext, randomContactId } from "../recipients";
import { generateRecipients, sampleSendContext } from "../sample-recipients";
import type { RecipientData, SendContext } from "../scope";
import { findTemplateOrThrow } from "../templates/find-template";
import { checkDocument } from "../templates/template-issues";
import { savedSegmentIds, savedSegmentsExist, workspaceVocabulary } from "../templates/workspace-vocabulary";
import { blockVisibilityFor, type BlockVisibility } from "../visibility";

export type PreviewInput = { id?: string; document?: Record<string, unknown>; contactId?: string; segmentId?: string; random?: boolean };
export type PreviewLinks = { unsubscribeUrl: (contactId: string) => string };

export type EmailPreview = {
  /** Null when no contact was chosen (or the audience is empty): a generated sample recipient. */
  contact: { id: string; email: string | null; name: string | null } | null;
  subject: string;
  preheader: string;
  senderName: string;
  html: string;
  text: string;
  blocks: BlockVisibility[];
};

/** The email as one recipient will get it: a chosen contact, a random one (of a segment), or a sample. */
export async function previewEmail(db: Db, workspaceId: string, input: PreviewInput, links: PreviewLinks): Promise<EmailPreview> {
  const { document, name } = await documentToPreview(db, workspaceId, input);
  const contactId = await chooseContact(db, workspaceId, input);
  let recipient: RecipientData;
  let send: SendContext;
  if (contactId === null) {
    recipient = generateRecipients(1, 7)[0]!;
    send = sampleSendContext();
  } else {
    const [loaded] = await loadRecipients(db, workspaceId, [contactId], links);
    if (!loaded) throw new UserFacingError("NOT_FOUND", "That contact does not exist in this workspace.", "contactId");
    recipient = loaded;
    send = await loadSendContext(db, workspaceId, document, { id: "preview", name });
  }
  const rendered = renderForRecipient(await compileTemplate(document), recipient, send);
  const fullName = [recipient.contact.first_name, recipient.contact.last_name].filter(Boolean).join(" ");
  return {
    contact: contactId === null ? null : { id: recipient.contact.id, email: recipient.contact.email, name: fullName || null },
    ...rendered,
    blocks: blockVisibilityFor(document, recipient),
  };
}

async function documentToPreview(db: Db, workspaceId: string, input: PreviewInput): Promise<{ document: EmailDocument; name: string }> {
  const template = input.id ? await findTemplateOrThrow(db, workspaceId, input.id) : null;
  const draft = input.document ?? template?.document;
  if (draft === undefined) throw new UserFacingError("BAD_REQUEST", "Give the email (its id or its document) to preview.");
  const { document, issues } = checkDocument(draft, await workspaceVocabulary(db, workspaceId));
  const broken = issues.find((issue) => issue.severity === "error" && (issue.line !== undefined || document === null));
  if (!document || broken) throw new UserFacingError("BAD_REQUEST", `Fix the email before previewing it: ${broken?.message ?? issues[0]?.message ?? "it is not valid"}`, broken?.path);
  return { document, name: template?.name ?? "Preview" };
}

async function chooseContact(db: Db, workspaceId: string, input: PreviewInput): Promise<string | null> {
  if (input.contactId) return input.contactId;
  if (input.segmentId) {
    if (!(await savedSegmentsExist(db))) return randomContactId(db, workspaceId, null);
    if (!(await savedSegmentIds(db, workspaceId)).includes(input.segmentId)) throw new UserFacingError("NOT_FOUND", "That segment does not exist in this workspace.", "segmentId");
    return randomContactId(db, workspaceId, input.segmentId);
  }
  return input.random ? randomContactId(db, workspaceId, null) : null;
}
