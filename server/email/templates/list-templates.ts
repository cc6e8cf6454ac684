import type { Db } from "../../db/client";

export type TemplateListRow = { id: string; name: string; subject: string; version: number; updatedAt: Date; updatedByName: string | null; hasIssues: boolean };

export async function listTemplates(db: Db, workspaceId: string): Promise<TemplateListRow[]> {
  const rows = await db.emailTemplate.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, version: true, document: true, hasIssues: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    subject: subjectOf(row.document),
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy?.name ?? null,
    hasIssues: row.hasIssues,
  }));
}

function subjectOf(document: unknown): string {
  const subject = typeof document === "object" && document !== null ? (document as { subject?: unknown }).subject : undefined;
  return typeof subject === "string" ? subject : "";
}
