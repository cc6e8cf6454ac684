import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";

/** The contact with this id in this workspace; one of another workspace is simply not found. */
export async function findContactOrThrow(db: Pick<Db, "contact">, workspaceId: string, contactId: string) {
  const contact = await db.contact.findFirst({ where: { id: BigInt(contactId), workspaceId } });
  if (!contact) throw new UserFacingError("NOT_FOUND", "That contact does not exist in this workspace.");
  return contact;
}
