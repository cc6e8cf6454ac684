import type { Db } from "../../db/client";
import { recordAudit } from "../../audit/record";
import { UserFacingError } from "../../errors";
import type { ContactActor } from "./actor";
import { findContactOrThrow } from "./find-contact";

/** Suppresses a contact's address by hand: no marketing email reaches it, whatever its consent. */
export async function addManualSuppression(db: Db, actor: ContactActor, input: { contactId: string; note: string }) {
  const contact = await findContactOrThrow(db, actor.workspaceId, input.contactId);
  if (!contact.email) throw new UserFacingError("BAD_REQUEST", "This contact has no email address to suppress.");
  const existing = await db.suppression.findUnique({
    where: { workspaceId_email_reason: { workspaceId: actor.workspaceId, email: contact.email, reason: "manual" } },
  });
  if (existing) throw new UserFacingError("CONFLICT", "This address is already suppressed by hand.");
  const suppression = await db.suppression.create({
    data: { workspaceId: actor.workspaceId, email: contact.email, contactId: contact.id, reason: "manual", source: "admin", note: input.note },
  });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "contact.suppressed",
    targetType: "contact",
    targetId: contact.id.toString(),
    data: { reason: "manual", note: input.note },
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent,
  });
  return { id: suppression.id.toString() };
}

/**
 * Lifts a manual suppression. Bounces, complaints and unsubscribes are kept: they record what the
 * mailbox or the person said, and only a new opt-in (a consent record) can answer them.
 */
export async function removeManualSuppression(
  db: Db,
  actor: ContactActor,
  input: { contactId: string; suppressionId: string; note: string },
) {
  const contact = await findContactOrThrow(db, actor.workspaceId, input.contactId);
  const suppression = await db.suppression.findFirst({
    where: {
      id: BigInt(input.suppressionId),
      workspaceId: actor.workspaceId,
      OR: [{ contactId: contact.id }, ...(contact.email ? [{ email: contact.email }] : [])],
    },
  });
  if (!suppression) throw new UserFacingError("NOT_FOUND", "That suppression does not exist for this contact.");
  if (suppression.reason !== "manual") {
    throw new UserFacingError("BAD_REQUEST", "Only manual suppressions can be lifted here; bounces, complaints and unsubscribes are kept.");
  }
  await db.suppression.delete({ where: { id: suppression.id } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "contact.unsuppressed",
    targetType: "contact",
    targetId: contact.id.toString(),
    data: { reason: suppression.reason, note: input.note },
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent,
  });
}
