import { z } from "zod";
import { STARTER_TEMPLATES, type StarterId } from "../starters";

/** Documents arrive unparsed: an autosave stores a draft that does not validate yet (an empty subject mid-typing). */
export const MAX_DOCUMENT_JSON_BYTES = 512 * 1024;
export const draftDocumentSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= MAX_DOCUMENT_JSON_BYTES, "The email is too large to save");

export const templateIdSchema = z.uuid("Not an email template id");
const templateName = z.string().trim().min(1, "Name the email").max(200, "Use at most 200 characters");
const starterIds = Object.keys(STARTER_TEMPLATES) as [StarterId, ...StarterId[]];

export const createTemplateInput = z.object({ name: templateName, starter: z.enum(starterIds).optional() });
export const templateRefInput = z.object({ id: templateIdSchema });
export const saveTemplateInput = z.object({
  id: templateIdSchema,
  name: templateName.optional(),
  document: draftDocumentSchema,
  baseVersion: z.number().int().min(1),
  kind: z.enum(["autosave", "manual"]),
});
export const restoreVersionInput = z.object({ id: templateIdSchema, version: z.number().int().min(1) });
export const lintDocumentInput = z.object({ document: draftDocumentSchema });

export type CreateTemplateInput = z.infer<typeof createTemplateInput>;
export type SaveTemplateInput = z.infer<typeof saveTemplateInput>;
