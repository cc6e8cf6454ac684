/**
 * Maps Segment traits (identify calls) onto a contact's built-in columns; every other trait
 * goes into the contact's free-form attributes, merged into what is already there.
 * Segment's reserved traits: https://segment.com/docs/connections/spec/identify/#traits
 */

export type ProfileColumn = "firstName" | "lastName" | "phone" | "locale" | "timeZone" | "country" | "region" | "city";

export type ProfileUpdate = {
  columns: Partial<Record<ProfileColumn, string>>;
  attributes: Record<string, unknown>;
};

const MAX_COLUMN_LENGTH = 255;
const MAX_EMAIL_LENGTH = 320;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const TRAIT_COLUMNS: Record<string, ProfileColumn> = {
  firstName: "firstName",
  first_name: "firstName",
  lastName: "lastName",
  last_name: "lastName",
  phone: "phone",
  locale: "locale",
  timezone: "timeZone",
  timeZone: "timeZone",
  time_zone: "timeZone",
  country: "country",
  state: "region",
  region: "region",
  city: "city",
};

const ADDRESS_COLUMNS: Record<string, ProfileColumn> = { country: "country", state: "region", region: "region", city: "city" };

/** Identity traits handled by the identity resolution, never stored as attributes. */
const IDENTITY_TRAITS = new Set(["email", "userId", "user_id", "anonymousId"]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A lower-cased email address, or null when the value is not one (then it identifies no one). */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_SHAPE.test(email) ? email : null;
}

function columnValue(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_COLUMN_LENGTH) : null;
}

/**
 * `fallbacks` are context values (context.locale, context.timezone) that fill a column only
 * when the traits do not set it.
 */
export function mapTraitsToProfile(traits: Record<string, unknown>, fallbacks: Partial<Record<ProfileColumn, unknown>> = {}): ProfileUpdate {
  const columns: ProfileUpdate["columns"] = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(traits)) {
    if (IDENTITY_TRAITS.has(key) || value === undefined) continue;
    const column = TRAIT_COLUMNS[key];
    const mapped = column ? columnValue(value) : null;
    if (column && mapped !== null) {
      columns[column] = mapped;
    } else if (key === "address" && isPlainObject(value)) {
      const rest: Record<string, unknown> = {};
      for (const [part, partValue] of Object.entries(value)) {
        const addressColumn = ADDRESS_COLUMNS[part];
        const mappedPart = addressColumn ? columnValue(partValue) : null;
        if (addressColumn && mappedPart !== null) columns[addressColumn] ??= mappedPart;
        else rest[part] = partValue;
      }
      if (Object.keys(rest).length > 0) attributes.address = rest;
    } else if (key !== "name") {
      attributes[key] = value;
    }
  }
  const fullName = columnValue(traits.name);
  if (fullName !== null) {
    if (columns.firstName === undefined && columns.lastName === undefined) {
      const [first, ...rest] = fullName.split(/\s+/);
      columns.firstName = first;
      if (rest.length > 0) columns.lastName = rest.join(" ");
    } else {
      attributes.name = fullName;
    }
  }
  for (const [column, value] of Object.entries(fallbacks) as [ProfileColumn, unknown][]) {
    const mapped = columnValue(value);
    if (mapped !== null) columns[column] ??= mapped;
  }
  return { columns, attributes };
}
