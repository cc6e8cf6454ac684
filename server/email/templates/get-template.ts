import { canEdit, type Role } from "../../auth/roles";
import type { Db } from "../../db/client";
import type { EmailDocumentInput } from "../document";
import { findTemplateOrThrow } from "./find-template";
import { checkDocument, type TemplateIssue } from "./template-issues";
import { workspaceVocabulary } from "./workspace-vocabulary";

export type TemplateView = {
  id: string;
  name: string;
  /** The latest version; a draft saved by autosave may not validate yet (see issues). */
  document: EmailDocumentInput;
  version: number;
  updatedAt: Date;
  issues: TemplateIssue[];
  canEdit: boolean;
};

export async function getTemplate(db: Db, workspaceId: string, role: Role, id: string): Promise<TemplateView> {
  const template = await findTemplateOrThrow(db, workspaceId, id);
  const { issues } = checkDocument(template.document, await workspaceVocabulary(db, workspaceId));
  return {
    id: template.id,
    name: template.name,
    document: template.document as EmailDocumentInput,
    version: template.version,
    updatedAt: template.updatedAt,
    issues,
    canEdit: canEdit(role),
  };
}
