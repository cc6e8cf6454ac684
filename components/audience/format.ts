const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export const formatDateTime = (value: Date | null | undefined) => (value ? dateTime.format(value) : "—");
export const formatDate = (value: Date | null | undefined) => (value ? dateOnly.format(value) : "—");
export const formatMoney = (value: number) => money.format(value);

export function displayName(contact: { firstName: string | null; lastName: string | null; email: string | null; externalId?: string | null; id: string }) {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return name || contact.email || contact.externalId || `Contact ${contact.id}`;
}

export const CONSENT_STATE_LABELS = { granted: "Granted", withdrawn: "Withdrawn", denied: "Denied" } as const;
export const CONSENT_STATE_TONES = { granted: "green", withdrawn: "amber", denied: "red" } as const;
export const PURPOSE_LABELS = { email_marketing: "Email marketing", tracking: "Tracking and profiling" } as const;
export const SOURCE_LABELS = { form: "Form", import: "Import", api: "API", preference_page: "Preference page", admin: "Recorded by a user" } as const;
export const SUPPRESSION_LABELS = { hard_bounce: "hard bounce", complaint: "spam complaint", unsubscribe: "unsubscribed", manual: "suppressed by hand" } as const;
