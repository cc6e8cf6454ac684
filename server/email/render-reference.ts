import { render } from "@react-email/render";
import type { EmailDocument } from "./document";
import { plainLiquid } from "./liquid";
import { emailTree } from "./render/email-tree";
import { finishPlainText, plainTextOf } from "./render/plain-text";
import { createHtmlRecipientMode, createTextRecipientMode } from "./render/recipient-mode";
import { compileVisibility, recipientScope, singleLine, visibilityMask, type RenderedEmail } from "./recipient";
import type { RecipientData, SendContext } from "./scope";

/**
 * The straightforward path, kept as the reference the compiled path is measured and tested
 * against: evaluate every field for this recipient, build the react-email tree with those values
 * and render it with react-email's render(). Correct, and about two orders of magnitude slower.
 */
export async function renderWithReactEmail(document: EmailDocument, recipient: RecipientData, send: SendContext): Promise<RenderedEmail> {
  const mask = visibilityMask(compileVisibility(document), recipient);
  const scope = recipientScope(recipient, send, mask);
  const evaluate = (source: string) => singleLine(plainLiquid.parseAndRenderSync(source, scope));
  return {
    subject: evaluate(document.subject),
    preheader: evaluate(document.preheader),
    senderName: evaluate(document.senderName),
    html: await render(emailTree(document, createHtmlRecipientMode(scope, mask))),
    text: finishPlainText(plainTextOf(document, createTextRecipientMode(scope, mask))),
  };
}
