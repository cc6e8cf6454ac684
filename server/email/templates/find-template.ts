import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";

/** The template with this id in this workspace; one of another workspace is simply not found. */
export async function findTemplateOrThrow(db: Pick<Db, "emailTemplate">, workspaceId: string, id: string) {
  const template = await db.emailTemplate.findFirst({ where: { id, workspaceId } });
  if (!template) throw new UserFacingError("NOT_FOUND", "That email does not exist in this workspace.");
  return template;
}
