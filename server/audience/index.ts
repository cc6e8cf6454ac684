// The audience domain's public surface for other domains (segments, campaigns, consent, import).
export { effectiveEmailPermission, type EmailPermission } from "./consent/email-permission";
export { recordConsent, type RecordConsentArgs } from "./consent/record-consent";
export type { ContactListRow } from "./contacts/list-contacts";
export type { ContactDetails } from "./contacts/get-contact";
