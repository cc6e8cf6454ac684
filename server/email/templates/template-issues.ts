import type { z } from "zod";
import { emailDocumentSchema, type EmailDocument } from "../document";
import { lintTemplate } from "../lint";
import { validateDocument } from "../validate";
import type { WorkspaceVocabulary } from "./workspace-vocabulary";

/**
 * One problem of a template for the designer: the block to highlight (null for subject,
 * preheader, sender name or the document as a whole), the dotted path of the field, and for
 * Liquid the 1-based line and column within that field. Errors block a manual save and a send;
 * warnings (unknown variables, which render empty) do not.
 */
export type TemplateIssue = {
  blockId: string | null;
  path: string;
  message: string;
  severity: "error" | "warning";
  line?: number;
  column?: number;
};

export type CheckedDocument = { document: EmailDocument | null; issues: TemplateIssue[] };

/** Parses a draft and lists everything wrong with it: shape, rules (validate.ts) and Liquid (lint.ts). */
export function checkDocument(draft: unknown, vocabulary: WorkspaceVocabulary): CheckedDocument {
  const parsed = emailDocumentSchema.safeParse(draft);
  if (!parsed.success) return { document: null, issues: shapeIssues(draft, parsed.error) };
  const document = parsed.data;
  const rules = validateDocument(document, vocabulary).map(
    ({ warning, ...issue }): TemplateIssue => ({ ...issue, severity: warning ? "warning" : "error" }),
  );
  const liquid = lintTemplate(document, vocabulary).map(
    (issue): TemplateIssue => ({
      blockId: issue.blockId,
      path: issue.path,
      message: issue.message,
      severity: issue.kind === "unknown_variable" ? "warning" : "error",
      line: issue.line,
      column: issue.column,
    }),
  );
  return { document, issues: [...rules, ...liquid] };
}

export function hasBlockingIssues(issues: readonly TemplateIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

function shapeIssues(draft: unknown, error: z.ZodError): TemplateIssue[] {
  return error.issues.map((issue) => ({
    blockId: blockIdAt(draft, issue.path),
    path: issue.path.map(String).join("."),
    message: issue.message,
    severity: "error",
  }));
}

/** The id of the innermost block on a path like blocks.2.columns.0.blocks.1.href. */
function blockIdAt(draft: unknown, path: readonly PropertyKey[]): string | null {
  let node: unknown = draft;
  let blockId: string | null = null;
  for (let i = 0; i < path.length; i++) {
    if (typeof node !== "object" || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[path[i] as PropertyKey];
    if (path[i - 1] === "blocks" && typeof node === "object" && node !== null) {
      const id = (node as { id?: unknown }).id;
      if (typeof id === "string") blockId = id;
    }
  }
  return blockId;
}
