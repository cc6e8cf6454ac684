import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { recordAudit } from "../../audit/record";
import type { ContactActor } from "./actor";
import { findContactOrThrow } from "./find-contact";
import type { UpdateContactInput } from "./schemas";

/**
 * Changes profile fields and custom attributes. Attributes are patched in one statement
 * (removed keys dropped, set keys merged), so keys written meanwhile by an import or the API stay.
 */
export async function updateContact(db: Db, actor: ContactActor, input: UpdateContactInput) {
  const contact = await findContactOrThrow(db, actor.workspaceId, input.contactId);
  const profile = input.profile ?? {};
  const set = input.setAttributes ?? {};
  const remove = (input.removeAttributes ?? []).filter((key) => !(key in set));
  await db.$transaction(async (tx) => {
    if (Object.keys(profile).length > 0) {
      await tx.contact.update({ where: { id: contact.id }, data: profile });
    }
    if (Object.keys(set).length > 0 || remove.length > 0) {
      await tx.$executeRaw`
        update contact
        set attributes = (attributes - ${remove}::text[]) || ${JSON.stringify(set)}::jsonb, updated_at = now()
        where id = ${contact.id} and workspace_id = ${actor.workspaceId}::uuid`;
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorEmail: actor.email,
      action: "contact.updated",
      targetType: "contact",
      targetId: contact.id.toString(),
      data: {
        fields: Object.keys(profile),
        attributesSet: Object.keys(set),
        attributesRemoved: remove,
      } satisfies Prisma.InputJsonObject,
      ipAddress: actor.ipAddress,
      userAgent: actor.userAgent,
    });
  });
}
