import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { UserFacingError } from "../../errors";
import type { TemplateActor } from "./actor";
import { findTemplateOrThrow } from "./find-template";
import type { SaveTemplateInput } from "./schemas";
import { checkDocument, hasBlockingIssues, type TemplateIssue } from "./template-issues";
import { workspaceVocabulary } from "./workspace-vocabulary";

/** Autosaves by one author closer together than this update their latest autosave instead of piling up versions. */
export const AUTOSAVE_COALESCE_MS = 2 * 60_000;

export type SaveResult = { version: number; issues: TemplateIssue[] };

/**
 * Saves a new version. An autosave always stores the draft, valid or not; a manual save with
 * blocking issues is refused. Every save moves the version on (a coalesced autosave renumbers
 * its row), so a stale baseVersion is always detected.
 */
export async function saveTemplate(db: Db, actor: TemplateActor, input: SaveTemplateInput, now = new Date()): Promise<SaveResult> {
  await findTemplateOrThrow(db, actor.workspaceId, input.id);
  const { issues } = checkDocument(input.document, await workspaceVocabulary(db, actor.workspaceId));
  const blocking = hasBlockingIssues(issues);
  if (input.kind === "manual" && blocking) {
    const first = issues.find((issue) => issue.severity === "error")!;
    const count = issues.filter((issue) => issue.severity === "error").length;
    throw new UserFacingError("BAD_REQUEST", `Fix ${count === 1 ? "this issue" : `these ${count} issues`} before saving: ${first.message}`, first.path);
  }
  const document = input.document as Prisma.InputJsonObject;
  const version = input.baseVersion + 1;
  await db.$transaction(async (tx) => {
    const moved = await tx.emailTemplate.updateMany({
      where: { id: input.id, workspaceId: actor.workspaceId, version: input.baseVersion },
      data: { version, document, hasIssues: blocking, updatedById: actor.userId, updatedAt: now, ...(input.name ? { name: input.name } : {}) },
    });
    if (moved.count === 0) throw staleVersion();
    const latest = await tx.emailTemplateVersion.findUnique({ where: { templateId_version: { templateId: input.id, version: input.baseVersion } } });
    const coalesce =
      input.kind === "autosave" && latest?.kind === "autosave" && latest.authorId === actor.userId && now.getTime() - latest.updatedAt.getTime() < AUTOSAVE_COALESCE_MS;
    if (coalesce) {
      await tx.emailTemplateVersion.update({
        where: { templateId_version: { templateId: input.id, version: input.baseVersion } },
        data: { version, document, updatedAt: now },
      });
    } else {
      await tx.emailTemplateVersion.create({ data: { templateId: input.id, version, kind: input.kind, document, authorId: actor.userId, createdAt: now, updatedAt: now } });
    }
    if (input.kind === "manual") {
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        actorEmail: actor.email,
        action: "email.saved",
        targetType: "email_template",
        targetId: input.id,
        data: { version },
        ipAddress: actor.ipAddress,
        userAgent: actor.userAgent,
      });
    }
  });
  return { version, issues };
}

export function staleVersion(): UserFacingError {
  return new UserFacingError("CONFLICT", "Someone saved this email in the meantime. Reload it to see their changes.");
}
