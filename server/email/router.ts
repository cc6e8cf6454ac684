/*
 * emails.* — the designer's API (contract with components/emails/**):
 * - list → [{ id, name, subject, version, updatedAt, updatedByName, hasIssues }], newest first
 * - starters → [{ id, name, description }]; create({ name, starter? }) → { id }
 * - get({ id }) → { id, name, document, version, updatedAt, issues, canEdit }
 * - save({ id, name?, document, baseVersion, kind }) → { version, issues }. `document` may be a
 *   draft that does not validate: an autosave stores it anyway; a manual save with errors is
 *   refused (BAD_REQUEST, message names the first issue, `data.field` its path). A stale
 *   baseVersion is CONFLICT. Every save returns a new version number: send it as the next baseVersion.
 * - versions({ id }) → [{ version, kind, createdAt, authorName }] newest first; kind is
 *   create | autosave | manual | restore; restore({ id, version }) → { version }
 * - lint({ document }) → { issues }
 * - preview({ id?, document?, contactId?, segmentId?, random? }) → { contact | null, subject,
 *   preheader, senderName, html, text, blocks: [{ blockId, shown, reason }] } (every block)
 * - emptyTokens({ document, segmentId? }) → [{ token, empty, total }]
 * - testSend({ id, document?, contactId?, to }) → { messageId, captured }
 * Issues are TemplateIssue: { blockId | null, path, message, severity: "error" | "warning",
 * line?, column? } — errors block manual saves and sends, warnings (unknown variables) do not.
 * Show-if conditions (block.showIf) are segment groups (server/segments/definition.ts groupSchema),
 * without event or sequence conditions (those go through segment membership).
 */
import { z } from "zod";
import { getEnv } from "../env";
import { editorProcedure, memberProcedure, router } from "../trpc/init";
import { UserFacingError } from "../errors";
import { previewEmail } from "./preview/preview-email";
import { unsubscribeUrl } from "./recipients";
import { smtpTarget } from "./send/smtp-config";
import { testSend } from "./send/test-send";
import { STARTER_TEMPLATES, type StarterId } from "./starters";
import type { TemplateActor } from "./templates/actor";
import { createTemplate } from "./templates/create-template";
import { getTemplate } from "./templates/get-template";
import { listTemplates } from "./templates/list-templates";
import { saveTemplate } from "./templates/save-template";
import { createTemplateInput, draftDocumentSchema, lintDocumentInput, restoreVersionInput, saveTemplateInput, templateIdSchema, templateRefInput } from "./templates/schemas";
import { checkDocument } from "./templates/template-issues";
import { listTemplateVersions, restoreTemplateVersion } from "./templates/template-versions";
import { workspaceVocabulary } from "./templates/workspace-vocabulary";
import { countEmptyTokens } from "./tokens/count-empty-tokens";

const contactIdSchema = z.string().regex(/^\d{1,18}$/, "Not a contact id");
const segmentIdSchema = z.uuid("Not a segment id");

const previewInput = z.object({
  id: templateIdSchema.optional(),
  document: draftDocumentSchema.optional(),
  contactId: contactIdSchema.optional(),
  segmentId: segmentIdSchema.optional(),
  random: z.boolean().optional(),
});
const emptyTokensInput = z.object({ document: draftDocumentSchema, segmentId: segmentIdSchema.optional() });
const testSendInput = z.object({
  id: templateIdSchema,
  document: draftDocumentSchema.optional(),
  contactId: contactIdSchema.optional(),
  to: z.email("Enter an email address").max(320),
});

type ActorContext = { userId: string; workspaceId: string; viewer: { email: string }; ipAddress: string | null; userAgent: string | null };
const actorOf = (ctx: ActorContext): TemplateActor => ({
  userId: ctx.userId,
  email: ctx.viewer.email,
  workspaceId: ctx.workspaceId,
  ipAddress: ctx.ipAddress,
  userAgent: ctx.userAgent,
});

const linksFor = (workspaceId: string) => {
  const env = getEnv();
  return { unsubscribeUrl: (contactId: string) => unsubscribeUrl(env.APP_URL, env.BETTER_AUTH_SECRET, workspaceId, contactId) };
};

export const emailsRouter = router({
  list: memberProcedure.query(({ ctx }) => listTemplates(ctx.db, ctx.workspaceId)),
  starters: memberProcedure.query(() =>
    (Object.keys(STARTER_TEMPLATES) as StarterId[]).map((id) => ({ id, name: STARTER_TEMPLATES[id].name, description: STARTER_TEMPLATES[id].description })),
  ),
  create: editorProcedure.input(createTemplateInput).mutation(({ ctx, input }) => createTemplate(ctx.db, actorOf(ctx), input)),
  get: memberProcedure.input(templateRefInput).query(({ ctx, input }) => getTemplate(ctx.db, ctx.workspaceId, ctx.role, input.id)),
  save: editorProcedure.input(saveTemplateInput).mutation(({ ctx, input }) => saveTemplate(ctx.db, actorOf(ctx), input)),
  versions: memberProcedure.input(templateRefInput).query(({ ctx, input }) => listTemplateVersions(ctx.db, ctx.workspaceId, input.id)),
  restore: editorProcedure.input(restoreVersionInput).mutation(({ ctx, input }) => restoreTemplateVersion(ctx.db, actorOf(ctx), input)),
  lint: memberProcedure.input(lintDocumentInput).query(async ({ ctx, input }) => {
    const { issues } = checkDocument(input.document, await workspaceVocabulary(ctx.db, ctx.workspaceId));
    return { issues };
  }),
  preview: memberProcedure.input(previewInput).query(({ ctx, input }) => previewEmail(ctx.db, ctx.workspaceId, input, linksFor(ctx.workspaceId))),
  emptyTokens: memberProcedure.input(emptyTokensInput).query(async ({ ctx, input }) => {
    const { document } = checkDocument(input.document, { attributeKeys: [], segmentIds: [] });
    if (!document) throw new UserFacingError("BAD_REQUEST", "Fix the email before counting empty tokens.");
    return countEmptyTokens(ctx.db, ctx.workspaceId, document, input.segmentId ?? null);
  }),
  testSend: editorProcedure.input(testSendInput).mutation(({ ctx, input }) => testSend(ctx.db, actorOf(ctx), input, smtpTarget(), linksFor(ctx.workspaceId))),
});
