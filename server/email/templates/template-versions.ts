import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { UserFacingError } from "../../errors";
import type { TemplateActor } from "./actor";
import { findTemplateOrThrow } from "./find-template";
import { staleVersion } from "./save-template";
import { checkDocument, hasBlockingIssues } from "./template-issues";
import { workspaceVocabulary } from "./workspace-vocabulary";

/** `createdAt` is when the version's content was last written (a coalesced autosave moves it on). */
export type TemplateVersionRow = { version: number; kind: string; createdAt: Date; authorName: string | null };

export async function listTemplateVersions(db: Db, workspaceId: string, id: string): Promise<TemplateVersionRow[]> {
  await findTemplateOrThrow(db, workspaceId, id);
  const rows = await db.emailTemplateVersion.findMany({
    where: { templateId: id },
    orderBy: { version: "desc" },
    select: { version: true, kind: true, updatedAt: true, author: { select: { name: true } } },
  });
  return rows.map((row) => ({ version: row.version, kind: row.kind, createdAt: row.updatedAt, authorName: row.author?.name ?? null }));
}

/** Appends a new version equal to an old one; history is never rewritten. */
export async function restoreTemplateVersion(db: Db, actor: TemplateActor, input: { id: string; version: number }, now = new Date()): Promise<{ version: number }> {
  const template = await findTemplateOrThrow(db, actor.workspaceId, input.id);
  const old = await db.emailTemplateVersion.findUnique({ where: { templateId_version: { templateId: template.id, version: input.version } } });
  if (!old) throw new UserFacingError("NOT_FOUND", `Version ${input.version} of this email does not exist.`, "version");
  const document = old.document as Prisma.InputJsonObject;
  const { issues } = checkDocument(document, await workspaceVocabulary(db, actor.workspaceId));
  const version = template.version + 1;
  await db.$transaction(async (tx) => {
    const moved = await tx.emailTemplate.updateMany({
      where: { id: template.id, workspaceId: actor.workspaceId, version: template.version },
      data: { version, document, hasIssues: hasBlockingIssues(issues), updatedById: actor.userId, updatedAt: now },
    });
    if (moved.count === 0) throw staleVersion();
    await tx.emailTemplateVersion.create({ data: { templateId: template.id, version, kind: "restore", document, authorId: actor.userId, createdAt: now, updatedAt: now } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorEmail: actor.email,
      action: "email.restored",
      targetType: "email_template",
      targetId: template.id,
      data: { restoredVersion: input.version, version },
      ipAddress: actor.ipAddress,
      userAgent: actor.userAgent,
    });
  });
  return { version };
}
