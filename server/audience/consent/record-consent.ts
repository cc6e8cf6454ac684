import type { Db } from "../../db/client";
import type { ConsentPurpose, ConsentSource, ConsentState } from "../../db/generated/enums";
import { UserFacingError } from "../../errors";

export type RecordConsentArgs = {
  workspaceId: string;
  contactId: bigint | string;
  purpose: ConsentPurpose;
  state: ConsentState;
  source: ConsentSource;
  /** The wording or form version the contact was shown. */
  wording?: string | null;
  reason?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  recordedById?: string | null;
  /** When the contact gave or withdrew it; now unless known (imports carry their own dates). */
  occurredAt?: Date;
};

/**
 * Appends a consent record and moves the contact's current state to it — unless a later record
 * already exists (an import of old consents must not undo a newer withdrawal).
 */
export async function recordConsent(db: Db, args: RecordConsentArgs) {
  const contactId = BigInt(args.contactId);
  const occurredAt = args.occurredAt ?? new Date();
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: contactId, workspaceId: args.workspaceId }, select: { id: true } });
    if (!contact) throw new UserFacingError("NOT_FOUND", "That contact does not exist in this workspace.");
    const record = await tx.consentRecord.create({
      data: {
        workspaceId: args.workspaceId,
        contactId,
        purpose: args.purpose,
        state: args.state,
        source: args.source,
        wording: args.wording ?? null,
        reason: args.reason ?? null,
        ipAddress: args.ipAddress ?? null,
        userAgent: args.userAgent ?? null,
        recordedById: args.recordedById ?? null,
        occurredAt,
      },
    });
    // updated_at holds when the current state was given, so "newer wins" is one comparison.
    await tx.$executeRaw`
      insert into contact_consent (contact_id, purpose, workspace_id, state, source, updated_at)
      values (${contactId}, ${args.purpose}::"ConsentPurpose", ${args.workspaceId}::uuid, ${args.state}::"ConsentState",
              ${args.source}::"ConsentSource", ${occurredAt})
      on conflict (contact_id, purpose) do update
        set state = excluded.state, source = excluded.source, updated_at = excluded.updated_at
        where contact_consent.updated_at <= excluded.updated_at`;
    const current = await tx.contactConsent.findUniqueOrThrow({
      where: { contactId_purpose: { contactId, purpose: args.purpose } },
    });
    return { record, current };
  });
}
