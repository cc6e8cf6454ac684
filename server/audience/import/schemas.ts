import { z } from "zod";
import { EXISTING_CONTACT_MODES, IMPORT_KINDS } from "./fields";

export const importKindSchema = z.enum(IMPORT_KINDS);

/** What the upload learnt about the file; stored in `import.options.upload`. */
export const uploadInfoSchema = z.object({
  format: z.object({ delimiter: z.enum([",", ";", "\t"]), recordDelimiter: z.enum(["\n", "\r\n"]) }),
  header: z.array(z.string()),
  /** The first rows, cells cut to a readable length, for the preview table. */
  previewRows: z.array(z.array(z.string())),
  contentSha256: z.string(),
  /** Data rows estimated from line breaks (quoted line breaks make it an over-estimate). */
  estimatedRows: z.int().min(0),
});
export type UploadInfo = z.infer<typeof uploadInfoSchema>;

/** The choices made when starting; stored in `import.options.run`. */
export const runOptionsSchema = z.object({
  existing: z.enum(EXISTING_CONTACT_MODES),
  eventName: z.string().trim().max(200).nullable(),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

export const storedOptionsSchema = z.object({ upload: uploadInfoSchema, run: runOptionsSchema.optional() });
export type StoredOptions = z.infer<typeof storedOptionsSchema>;

export const importIdSchema = z.object({ id: z.uuid() });

export const startImportSchema = z.object({
  id: z.uuid(),
  /** One target per CSV column, in file order; null or "" ignores the column. */
  mapping: z.array(z.string().max(80).nullable()).max(500),
  existing: z.enum(EXISTING_CONTACT_MODES).default("update"),
  eventName: z.string().trim().max(200).nullable().default(null),
});
export type StartImportInput = z.input<typeof startImportSchema>;
