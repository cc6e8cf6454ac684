import { z } from "zod";

export const CONTACT_SORTS = ["last_seen", "created", "email"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const CONSENT_PURPOSES = ["email_marketing", "tracking"] as const;
export const CONSENT_STATES = ["granted", "withdrawn", "denied"] as const;

/** Contact ids are bigints; clients hold them as decimal strings. */
export const contactIdSchema = z.string().regex(/^\d{1,18}$/, "Not a contact id");

const yesNo = z.enum(["yes", "no"]);

export const contactFiltersSchema = z.object({
  search: z.string().trim().max(200).optional(),
  hasEmail: yesNo.optional(),
  /** The current email_marketing consent; "none" = never recorded. */
  emailConsent: z.enum([...CONSENT_STATES, "none"]).optional(),
  country: z
    .string()
    .trim()
    .max(64)
    .transform((value) => value || undefined)
    .optional(),
  suppressed: yesNo.optional(),
});
export type ContactFilters = z.infer<typeof contactFiltersSchema>;
/** The filters as a client sends them. */
export type ContactFiltersInput = z.input<typeof contactFiltersSchema>;

export const listContactsInput = contactFiltersSchema.extend({
  sort: z.enum(CONTACT_SORTS).default("last_seen"),
  cursor: z.string().max(400).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListContactsInput = z.infer<typeof listContactsInput>;

export const contactRefInput = z.object({ contactId: contactIdSchema });

export const timelineInput = z.object({
  contactId: contactIdSchema,
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullable();

/** Profile fields an editor may change; email and external id identify the contact and stay. */
export const profileSchema = z.object({
  firstName: optionalText(100),
  lastName: optionalText(100),
  phone: optionalText(40),
  locale: optionalText(20),
  timeZone: optionalText(60),
  country: optionalText(64),
  region: optionalText(100),
  city: optionalText(100),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const attributeKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(64, "Use at most 64 characters")
  .regex(/^[A-Za-z_][\w .-]*$/, "Start with a letter or _, then letters, digits, _ . - or spaces");

export const attributeValueSchema = z.union([z.string().max(1000, "Use at most 1000 characters"), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

export const updateContactInput = z.object({
  contactId: contactIdSchema,
  profile: profileSchema.partial().optional(),
  /** Custom attributes to add or overwrite; others are kept. */
  setAttributes: z.record(attributeKeySchema, attributeValueSchema).optional(),
  removeAttributes: z.array(attributeKeySchema).max(100).optional(),
});
export type UpdateContactInput = z.infer<typeof updateContactInput>;

export const recordConsentInput = z.object({
  contactId: contactIdSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  state: z.enum(CONSENT_STATES),
  reason: z.string().trim().min(1, "Say why you record this change").max(500, "Use at most 500 characters"),
  wording: optionalText(2000).optional(),
});

export const addSuppressionInput = z.object({
  contactId: contactIdSchema,
  note: z.string().trim().min(1, "Say why this address is suppressed").max(500, "Use at most 500 characters"),
});

export const removeSuppressionInput = z.object({
  contactId: contactIdSchema,
  suppressionId: z.string().regex(/^\d{1,18}$/),
  note: z.string().trim().min(1, "Say why the suppression is lifted").max(500, "Use at most 500 characters"),
});
