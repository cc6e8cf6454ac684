/** What a CSV import creates: contacts (profiles) or events (purchases and other actions). */
export const IMPORT_KINDS = ["contacts", "events"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXISTING_CONTACT_MODES = ["update", "fill_empty", "skip"] as const;
/** What an import does to a contact that already exists: overwrite with non-empty values, fill empty fields only, or leave it. */
export type ExistingContactMode = (typeof EXISTING_CONTACT_MODES)[number];

/** Contact columns a CSV column can fill; `attribute:<name>` fills a custom attribute. */
export const CONTACT_FIELDS = [
  "email",
  "external_id",
  "first_name",
  "last_name",
  "phone",
  "locale",
  "time_zone",
  "country",
  "region",
  "city",
  "consent_email_marketing",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Event columns a CSV column can fill; `property:<name>` fills an event property. */
export const EVENT_FIELDS = ["email", "external_id", "event_name", "occurred_at", "revenue", "message_id"] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export const ATTRIBUTE_PREFIX = "attribute:";
export const PROPERTY_PREFIX = "property:";

export const FIELD_LABELS: Record<ContactField | EventField, string> = {
  email: "Email",
  external_id: "External id",
  first_name: "First name",
  last_name: "Last name",
  phone: "Phone",
  locale: "Locale",
  time_zone: "Time zone",
  country: "Country",
  region: "Region",
  city: "City",
  consent_email_marketing: "Email marketing consent",
  event_name: "Event name",
  occurred_at: "Occurred at (date)",
  revenue: "Revenue",
  message_id: "Message id (de-duplication)",
};

/** Custom attribute and property names: letters, digits, `_`, `-` and `.`, as segments expect. */
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export type ParsedField =
  | { type: "standard"; field: ContactField | EventField }
  | { type: "custom"; name: string };

/** Reads a mapping target (`email`, `attribute:plan`, `property:sku`) for an import kind; null when it is not valid there. */
export function parseFieldKey(kind: ImportKind, key: string): ParsedField | null {
  const prefix = kind === "contacts" ? ATTRIBUTE_PREFIX : PROPERTY_PREFIX;
  if (key.startsWith(prefix)) {
    const name = key.slice(prefix.length);
    return CUSTOM_NAME.test(name) ? { type: "custom", name } : null;
  }
  const standard: readonly string[] = kind === "contacts" ? CONTACT_FIELDS : EVENT_FIELDS;
  return standard.includes(key) ? { type: "standard", field: key as ContactField | EventField } : null;
}

/** A custom attribute or property name made from a CSV header (`Loyalty Tier` → `loyalty_tier`). */
export function customNameFromHeader(header: string): string | null {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 64);
  return CUSTOM_NAME.test(name) ? name : null;
}

export type FieldChoice = { key: string; label: string };

/** The standard targets offered for each column in the mapping form. */
export function standardFieldChoices(kind: ImportKind): FieldChoice[] {
  const fields = kind === "contacts" ? CONTACT_FIELDS : EVENT_FIELDS;
  return fields.map((field) => ({ key: field, label: FIELD_LABELS[field] }));
}
