import type { Db } from "../../db/client";
import { effectiveEmailPermission } from "../consent/email-permission";
import { findContactOrThrow } from "./find-contact";
import { CONSENT_PURPOSES } from "./schemas";
import { suppressionsOf } from "./suppressions-of";

/** A contact's profile, custom attributes, current consent per purpose and suppressions. */
export async function getContact(db: Db, workspaceId: string, contactId: string) {
  const contact = await findContactOrThrow(db, workspaceId, contactId);
  const [consents, suppressions] = await Promise.all([
    db.contactConsent.findMany({ where: { contactId: contact.id, workspaceId } }),
    suppressionsOf(db, contact),
  ]);
  const consentByPurpose = CONSENT_PURPOSES.map((purpose) => {
    const current = consents.find((c) => c.purpose === purpose);
    return { purpose, state: current?.state ?? null, source: current?.source ?? null, since: current?.updatedAt ?? null };
  });
  const emailConsent = consentByPurpose.find((c) => c.purpose === "email_marketing")?.state ?? null;
  return {
    id: contact.id.toString(),
    externalId: contact.externalId,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    phone: contact.phone,
    locale: contact.locale,
    timeZone: contact.timeZone,
    country: contact.country,
    region: contact.region,
    city: contact.city,
    attributes: isPlainObject(contact.attributes) ? contact.attributes : {},
    firstSeenAt: contact.firstSeenAt,
    lastSeenAt: contact.lastSeenAt,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    consents: consentByPurpose,
    suppressions: suppressions.map((s) => ({
      id: s.id.toString(),
      email: s.email,
      reason: s.reason,
      source: s.source,
      note: s.note,
      createdAt: s.createdAt,
    })),
    emailPermission: effectiveEmailPermission(emailConsent, suppressions),
  };
}

export type ContactDetails = Awaited<ReturnType<typeof getContact>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
