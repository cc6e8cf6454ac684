import { z } from "zod";
import { MAX_EVENT_NAME_LENGTH, MAX_ID_LENGTH } from "./limits";
import { isPlainObject } from "./profile-traits";

/** The Segment calls Tailor stores; `group` and `alias` are answered with a reason, not stored. */
export const EVENT_TYPES = ["identify", "track", "page", "screen"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// A plain-object check instead of z.record: records copy every key, and this runs per item.
const jsonObject = z.custom<Record<string, unknown>>(isPlainObject, { message: "must be an object" });

// Segment's libraries send ids as strings; numbers are accepted as Segment's API does.
const identifier = z
  .union([z.string(), z.number()], { message: "must be a string" })
  .transform((value) => String(value).trim())
  .pipe(z.string().max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`))
  .transform((value) => value || null)
  .nullish();

const optionalLabel = z.string({ message: "must be a string" }).max(MAX_EVENT_NAME_LENGTH).nullish();

/**
 * One message of Segment's tracking spec (https://segment.com/docs/connections/spec/common/).
 * Unknown fields (integrations, _metadata, sentAt, ...) are accepted and ignored.
 */
export const segmentMessageSchema = z.looseObject({
  type: z.string({ message: "must be a string" }).optional(),
  messageId: z
    .string({ message: "is required" })
    .trim()
    .min(1, "is required")
    .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
  userId: identifier,
  anonymousId: identifier,
  timestamp: z.string({ message: "must be an ISO-8601 date string" }).nullish(),
  event: z.string({ message: "must be a string" }).trim().max(MAX_EVENT_NAME_LENGTH, `must be at most ${MAX_EVENT_NAME_LENGTH} characters`).optional(),
  name: optionalLabel,
  category: optionalLabel,
  properties: jsonObject.nullish(),
  traits: jsonObject.nullish(),
  context: jsonObject.nullish(),
});

export type SegmentMessage = z.infer<typeof segmentMessageSchema>;

/** "messageId: is required; userId: must be a string": every problem, each naming its field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
