import { render } from "@react-email/render";
import type { ConditionPredicate } from "./conditions";
import type { EmailDocument } from "./document";
import { htmlLiquid, plainLiquid } from "./liquid";
import { compileLiquid, type LiquidProgram } from "./liquid-compile";
import { lintTemplate, type LintIssue } from "./lint";
import { emailTree } from "./render/email-tree";
import { createHtmlTemplateMode } from "./render/html-template-mode";
import { finishPlainText, plainTextOf } from "./render/plain-text";
import { createTextTemplateMode } from "./render/text-template-mode";
import { compileVisibility, recipientScope, singleLine, visibilityMask, type RenderedEmail } from "./recipient";
import type { RecipientData, SendContext } from "./scope";

/** A template version made ready to send: rendered by react-email once, Liquid parsed once. */
export type CompiledTemplate = {
  /** The email's HTML with its Liquid still in it (the designer's "HTML with tokens" view). */
  htmlTemplate: string;
  textTemplate: string;
  programs: { subject: LiquidProgram; preheader: LiquidProgram; senderName: LiquidProgram; html: LiquidProgram; text: LiquidProgram };
  visibility: (ConditionPredicate | null)[];
};

export class TemplateCompileError extends Error {
  constructor(readonly issues: LintIssue[]) {
    super(`The template has ${issues.length} Liquid error${issues.length === 1 ? "" : "s"}: ${issues[0]?.message ?? ""}`);
    this.name = "TemplateCompileError";
  }
}

/**
 * Compiles a document once per template version. Refuses Liquid syntax errors and unsupported
 * tags or filters; unknown variables are the linter's warning to give, they render empty.
 */
export async function compileTemplate(document: EmailDocument): Promise<CompiledTemplate> {
  const blocking = lintTemplate(document, { attributeKeys: [] }).filter((issue) => issue.kind !== "unknown_variable");
  if (blocking.length > 0) throw new TemplateCompileError(blocking);
  const html = createHtmlTemplateMode();
  const htmlTemplate = html.toLiquid(await render(emailTree(document, html.mode)));
  const textTemplate = plainTextOf(document, createTextTemplateMode());
  return {
    htmlTemplate,
    textTemplate,
    programs: {
      subject: compileLiquid(document.subject, plainLiquid),
      preheader: compileLiquid(document.preheader, plainLiquid),
      senderName: compileLiquid(document.senderName, plainLiquid),
      html: compileLiquid(htmlTemplate, htmlLiquid),
      text: compileLiquid(textTemplate, plainLiquid),
    },
    visibility: compileVisibility(document),
  };
}

/** Personalises a compiled template for one recipient: only Liquid evaluation, no React. */
export function renderForRecipient(compiled: CompiledTemplate, recipient: RecipientData, send: SendContext): RenderedEmail {
  const scope = recipientScope(recipient, send, visibilityMask(compiled.visibility, recipient));
  const { programs } = compiled;
  return {
    subject: singleLine(programs.subject(scope)),
    preheader: singleLine(programs.preheader(scope)),
    senderName: singleLine(programs.senderName(scope)),
    html: programs.html(scope),
    text: finishPlainText(programs.text(scope)),
  };
}
