import { ATTRIBUTE_PREFIX, customNameFromHeader, type ImportKind, PROPERTY_PREFIX } from "./fields";

/** Header spellings (lower-cased, letters and digits only) for each field. */
const CONTACT_SYNONYMS: Record<string, string[]> = {
  email: ["email", "emailaddress", "mail", "emailadresse", "courriel"],
  external_id: ["externalid", "customerid", "customer", "userid", "id", "customernumber", "clientid", "memberid", "kundennummer"],
  first_name: ["firstname", "givenname", "forename", "first", "vorname", "prenom"],
  last_name: ["lastname", "surname", "familyname", "last", "nachname", "nom"],
  phone: ["phone", "phonenumber", "mobile", "telephone", "tel", "cell", "mobilephone"],
  locale: ["locale", "language", "lang"],
  time_zone: ["timezone", "tz"],
  country: ["country", "countrycode", "land"],
  region: ["region", "state", "province", "county"],
  city: ["city", "town", "stadt", "ville"],
  consent_email_marketing: ["consent", "emailconsent", "marketingconsent", "emailmarketingconsent", "optin", "newsletter", "subscribed", "acceptsmarketing"],
};

const EVENT_SYNONYMS: Record<string, string[]> = {
  email: ["email", "emailaddress", "mail"],
  external_id: ["externalid", "customerid", "customer", "userid", "clientid", "memberid"],
  event_name: ["event", "eventname", "name", "action", "type", "eventtype"],
  occurred_at: ["occurredat", "timestamp", "date", "time", "datetime", "createdat", "orderdate", "purchasedate", "eventdate"],
  revenue: ["revenue", "amount", "total", "value", "price", "dollarvalue", "ordertotal", "sum"],
  message_id: ["messageid", "eventid", "orderid", "transactionid"],
};

function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * A target for each CSV column from its header: a known field when the header is one of its
 * usual spellings, else a custom attribute (contacts) or property (events). Each field is
 * suggested once, for its first column.
 */
export function suggestMapping(kind: ImportKind, header: readonly string[]): (string | null)[] {
  const synonyms = kind === "contacts" ? CONTACT_SYNONYMS : EVENT_SYNONYMS;
  const prefix = kind === "contacts" ? ATTRIBUTE_PREFIX : PROPERTY_PREFIX;
  const taken = new Set<string>();
  return header.map((column) => {
    const normalized = normalizeHeader(column);
    for (const [field, spellings] of Object.entries(synonyms)) {
      if (!taken.has(field) && spellings.includes(normalized)) {
        taken.add(field);
        return field;
      }
    }
    const custom = customNameFromHeader(column);
    if (!custom || taken.has(prefix + custom)) return null;
    taken.add(prefix + custom);
    return prefix + custom;
  });
}
