/*
 * The email domain's public face: the document schema, validation and linting for the designer
 * and the API, compile + renderForRecipient for sends and previews, the starters, and the
 * set-wise recipient loader the send job reuses. Browser code imports document.ts directly.
 */
export { emailDocumentSchema, parseEmailDocument, walkBlocks, EMAIL_DOCUMENT_VERSION } from "./document";
export type { Block, ColumnChild, EmailDocument, EmailDocumentInput, RichNode, RichRun, Theme } from "./document";
export { evaluateCondition, showIfSchema } from "./conditions";
export type { ShowIf } from "./conditions";
export { validateDocument, type DocumentIssue } from "./validate";
export { lintTemplate, type LintIssue } from "./lint";
export { documentFields, type DocumentField } from "./fields";
export { compileTemplate, renderForRecipient, TemplateCompileError, type CompiledTemplate } from "./compile";
export { renderWithReactEmail } from "./render-reference";
export type { RenderedEmail } from "./recipient";
export { blockVisibilityFor, describeCondition, type BlockVisibility } from "./visibility";
export { KNOWN_SCORES, KNOWN_VARIABLE_PATHS, type ContactView, type ProductView, type RecipientData, type SendContext } from "./scope";
export { STARTER_TEMPLATES, starterDocument, type StarterId } from "./starters";
export { loadRecipients, loadSendContext, unsubscribeUrl } from "./recipients";
export { checkDocument, hasBlockingIssues, type TemplateIssue } from "./templates/template-issues";
export { workspaceVocabulary } from "./templates/workspace-vocabulary";
