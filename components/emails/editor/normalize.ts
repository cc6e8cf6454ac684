import { blockSchema, themeSchema, type Block, type EmailDocument, type EmailDocumentInput } from "@/server/email/document";

/**
 * A stored draft as the editor's document: defaults filled in block by block. An autosaved
 * draft may not validate as a whole (an empty subject mid-typing), so each block is parsed on
 * its own and one that does not parse is kept as it is, for the issues panel to point at.
 */
export function normalizeDraft(draft: EmailDocumentInput): EmailDocument {
  const theme = themeSchema.safeParse(draft.theme ?? {});
  return {
    version: 1,
    subject: draft.subject ?? "",
    preheader: draft.preheader ?? "",
    senderName: draft.senderName ?? "",
    theme: theme.success ? theme.data : themeSchema.parse({}),
    blocks: (draft.blocks ?? []).map((block) => {
      const parsed = blockSchema.safeParse(block);
      return parsed.success ? parsed.data : (block as Block);
    }),
  };
}
