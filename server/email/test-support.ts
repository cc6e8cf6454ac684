import { parseEmailDocument, type EmailDocument, type EmailDocumentInput } from "./document";
import { generateRecipients } from "./sample-recipients";
import type { RecipientData } from "./scope";

type BlockInput = EmailDocumentInput["blocks"][number];

export const FOOTER: BlockInput = { id: "footer", type: "footer", postalAddress: "1 Main St, Portland", unsubscribeHref: "{{ unsubscribe_url }}" };

/** A valid document holding `blocks` followed by the mandatory footer. */
export function documentWith(blocks: BlockInput[], overrides: Partial<EmailDocumentInput> = {}): EmailDocument {
  return parseEmailDocument({ version: 1, subject: "Hello", senderName: "Acme", blocks: [...blocks, FOOTER], ...overrides });
}

/** One generated recipient with the given contact fields, scores and segments. */
export function recipientWith(changes: { contact?: Partial<RecipientData["contact"]>; scores?: RecipientData["scores"]; segments?: string[]; recommendations?: RecipientData["recommendations"] } = {}): RecipientData {
  const base = generateRecipients(1, 99)[0] as RecipientData;
  return {
    ...base,
    contact: { ...base.contact, ...changes.contact },
    scores: changes.scores ?? base.scores,
    segment_ids: new Set(changes.segments ?? []),
    recommendations: changes.recommendations ?? base.recommendations,
  };
}
