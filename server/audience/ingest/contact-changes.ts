import type { ContactRef, IdentityPlan } from "./identity-plan";
import { LAST_SEEN_RESOLUTION_MS } from "./limits";
import type { IngestMessage } from "./normalize-message";
import type { ProfileColumn } from "./profile-traits";

/** One contact's values for the set-wise insert or update (snake_case: read by jsonb_to_recordset). */
export type ContactRow = {
  external_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  locale: string | null;
  time_zone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  /** Merged into the stored attributes; null leaves them as they are. */
  attributes: Record<string, unknown> | null;
  first_seen_at: string;
  last_seen_at: string;
};

const COLUMN_NAMES: Record<ProfileColumn, keyof ContactRow> = {
  firstName: "first_name",
  lastName: "last_name",
  phone: "phone",
  locale: "locale",
  timeZone: "time_zone",
  country: "country",
  region: "region",
  city: "city",
};

export type ContactChange = { ref: ContactRef; row: ContactRow };

type Accumulated = ContactChange & { firstSeen: number; lastSeen: number };

/**
 * Folds a batch's messages into one row per contact: identify traits in batch order (the
 * latest value of a trait wins, attributes merge), and the first and last time each was seen.
 * Every new or re-identified contact of the plan is some message's contact (only anonymous
 * contacts are merged away), so walking the messages covers them all.
 */
export function contactChanges(messages: IngestMessage[], plan: IdentityPlan): { inserts: ContactChange[]; updates: ContactChange[] } {
  const byRef = new Map<ContactRef, Accumulated>();
  const entryFor = (ref: ContactRef, at: number): Accumulated => {
    let entry = byRef.get(ref);
    if (!entry) {
      const carriesIdentity = ref.isNew || ref.identityChanged;
      entry = {
        ref,
        firstSeen: at,
        lastSeen: at,
        row: {
          external_id: carriesIdentity ? ref.externalId : null,
          email: carriesIdentity ? ref.email : null,
          first_name: null,
          last_name: null,
          phone: null,
          locale: null,
          time_zone: null,
          country: null,
          region: null,
          city: null,
          attributes: null,
          first_seen_at: "",
          last_seen_at: "",
        },
      };
      byRef.set(ref, entry);
    }
    return entry;
  };
  messages.forEach((message, index) => {
    const at = message.occurredAt.getTime();
    const entry = entryFor(plan.contactOf[index]!, at);
    entry.firstSeen = Math.min(entry.firstSeen, at);
    entry.lastSeen = Math.max(entry.lastSeen, at);
    if (!message.profile) return;
    for (const [column, value] of Object.entries(message.profile.columns) as [ProfileColumn, string][]) {
      (entry.row as Record<string, unknown>)[COLUMN_NAMES[column]] = value;
    }
    if (Object.keys(message.profile.attributes).length > 0) {
      entry.row.attributes = { ...entry.row.attributes, ...message.profile.attributes };
    }
  });
  const inserts: ContactChange[] = [];
  const updates: ContactChange[] = [];
  for (const entry of byRef.values()) {
    entry.row.first_seen_at = new Date(entry.firstSeen).toISOString();
    entry.row.last_seen_at = new Date(entry.lastSeen).toISOString();
    (entry.ref.isNew ? inserts : updates).push({ ref: entry.ref, row: entry.row });
  }
  return { inserts, updates };
}

const PROFILE_VALUES = ["external_id", "email", "first_name", "last_name", "phone", "locale", "time_zone", "country", "region", "city", "attributes"] as const;

/**
 * Whether an update of a stored contact may change it: it carries profile values (the
 * database compares those with what it holds), or it moves first or last seen by more than
 * LAST_SEEN_RESOLUTION_MS. Most events only re-confirm that a known person was seen; their
 * contacts are left out of the update altogether.
 */
export function mayChangeContact(row: ContactRow, stored: { firstSeenAt: Date | null; lastSeenAt: Date | null } | undefined): boolean {
  if (!stored?.firstSeenAt || !stored.lastSeenAt) return true;
  if (PROFILE_VALUES.some((key) => row[key] !== null)) return true;
  return (
    Date.parse(row.first_seen_at) < stored.firstSeenAt.getTime() - LAST_SEEN_RESOLUTION_MS ||
    Date.parse(row.last_seen_at) > stored.lastSeenAt.getTime() + LAST_SEEN_RESOLUTION_MS
  );
}
