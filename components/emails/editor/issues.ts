import type { TemplateIssue } from "@/server/email/templates/template-issues";

/** Issues by block id, for outlines on the canvas and the list in the side panel. */
export function groupIssuesByBlock(issues: readonly TemplateIssue[]): Map<string, TemplateIssue[]> {
  const byBlock = new Map<string, TemplateIssue[]>();
  for (const issue of issues) {
    if (issue.blockId === null) continue;
    byBlock.set(issue.blockId, [...(byBlock.get(issue.blockId) ?? []), issue]);
  }
  return byBlock;
}

/** The worst severity of a block's issues, which decides its outline. */
export function worstSeverity(issues: readonly TemplateIssue[]): TemplateIssue["severity"] | null {
  if (issues.some((issue) => issue.severity === "error")) return "error";
  return issues.length > 0 ? "warning" : null;
}

const DOCUMENT_FIELDS: Record<string, string> = { subject: "Subject", preheader: "Preheader", senderName: "Sender name" };

/** Where an issue is, in words: `Block title, line 1:7` or `Subject`. */
export function issuePlace(issue: TemplateIssue): string {
  const place = issue.blockId ? `Block ${issue.blockId}` : (DOCUMENT_FIELDS[issue.path] ?? "Email");
  return issue.line !== undefined ? `${place}, line ${issue.line}:${issue.column ?? 1}` : place;
}
