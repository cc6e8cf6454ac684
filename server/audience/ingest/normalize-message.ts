import { FUTURE_TIMESTAMP_TOLERANCE_MS, MAX_MESSAGE_BYTES } from "./limits";
import { describeIssues, EVENT_TYPES, segmentMessageSchema, type EventType, type SegmentMessage } from "./message-schema";
import { isPlainObject, mapTraitsToProfile, normalizeEmail, type ProfileUpdate } from "./profile-traits";

/** A validated message, mapped onto Tailor's event and contact columns. */
export type IngestMessage = {
  messageId: string;
  type: EventType;
  name: string;
  properties: Record<string, unknown>;
  revenue: number | null;
  occurredAt: Date;
  timestampAdjusted: boolean;
  userId: string | null;
  anonymousId: string | null;
  /** Lower-cased; from traits, context.traits or properties. */
  email: string | null;
  /** Only identify calls change a profile; other calls only identify who acted. */
  profile: ProfileUpdate | null;
};

export type NormalizedResult = { ok: true; message: IngestMessage } | { ok: false; reason: string; messageId?: string };

// Identify calls show on the timeline under this name; page and screen calls under Segment's
// conventional event names.
const EVENT_NAMES: Record<Exclude<EventType, "track">, string> = {
  identify: "Identify",
  page: "Page Viewed",
  screen: "Screen Viewed",
};

const PAGE_CONTEXT_FIELDS = ["url", "path", "title", "referrer", "search"] as const;

function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** properties.revenue, else properties.total, as a number (numeric strings included). */
export function revenueOf(properties: Record<string, unknown>): number | null {
  for (const value of [properties.revenue, properties.total]) {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof number === "number" && Number.isFinite(number)) return number;
  }
  return null;
}

/** The time an event happened: the sent timestamp unless it is too far in the future. */
export function eventTime(timestamp: string | null | undefined, receivedAt: Date): { occurredAt: Date; timestampAdjusted: boolean } | null {
  if (!timestamp) return { occurredAt: receivedAt, timestampAdjusted: false };
  const sent = new Date(timestamp);
  if (Number.isNaN(sent.getTime())) return null;
  if (sent.getTime() - receivedAt.getTime() > FUTURE_TIMESTAMP_TOLERANCE_MS) return { occurredAt: receivedAt, timestampAdjusted: true };
  return { occurredAt: sent, timestampAdjusted: false };
}

function messageIdOf(raw: unknown): string | undefined {
  return isPlainObject(raw) && typeof raw.messageId === "string" ? raw.messageId : undefined;
}

function eventProperties(type: EventType, message: SegmentMessage, context: Record<string, unknown>): Record<string, unknown> {
  const properties = message.properties ?? {};
  if (type === "track") return properties;
  if (type === "identify") return message.traits ?? (isPlainObject(context.traits) ? context.traits : {});
  const page = isPlainObject(context.page) ? context.page : {};
  const fromContext: Record<string, unknown> = {};
  for (const field of PAGE_CONTEXT_FIELDS) if (page[field] !== undefined) fromContext[field] = page[field];
  const labels: Record<string, unknown> = {};
  if (message.name) labels.name = message.name;
  if (message.category) labels.category = message.category;
  return { ...fromContext, ...properties, ...labels };
}

/**
 * Validates one message and maps it. `endpointType` is the call's type for /identify, /track
 * and /page (where Segment's clients may omit `type`); batch items must carry their own.
 * `checkSize` is off when the whole body is already within the per-message limit.
 */
export function normalizeMessage(raw: unknown, receivedAt: Date, endpointType?: EventType, checkSize = true): NormalizedResult {
  if (!isPlainObject(raw)) return { ok: false, reason: "each message must be a JSON object" };
  if (checkSize && Buffer.byteLength(JSON.stringify(raw)) > MAX_MESSAGE_BYTES) {
    return { ok: false, reason: `message is larger than ${MAX_MESSAGE_BYTES / 1024} KB`, messageId: messageIdOf(raw) };
  }
  const parsed = segmentMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error), messageId: messageIdOf(raw) };
  const message = parsed.data;
  const messageId = message.messageId;
  const type = endpointType ?? message.type;
  if (!type) return { ok: false, reason: "type: is required (identify, track, page or screen)", messageId };
  if (!isEventType(type)) return { ok: false, reason: `type: "${type}" is not supported (use identify, track, page or screen)`, messageId };
  if (!message.userId && !message.anonymousId) return { ok: false, reason: "userId or anonymousId is required", messageId };
  if (type === "track" && !message.event) return { ok: false, reason: "event: is required for track calls", messageId };
  const time = eventTime(message.timestamp, receivedAt);
  if (!time) return { ok: false, reason: "timestamp: is not a valid ISO-8601 date", messageId };

  const context = message.context ?? {};
  const contextTraits = isPlainObject(context.traits) ? context.traits : {};
  const traits = message.traits ?? contextTraits;
  const properties = eventProperties(type, message, context);
  const email = normalizeEmail(traits.email) ?? normalizeEmail(contextTraits.email) ?? normalizeEmail(message.properties?.email);
  return {
    ok: true,
    message: {
      messageId,
      type,
      name: type === "track" ? message.event! : EVENT_NAMES[type],
      properties,
      revenue: type === "track" ? revenueOf(properties) : null,
      ...time,
      userId: message.userId ?? null,
      anonymousId: message.anonymousId ?? null,
      email,
      profile: type === "identify" ? mapTraitsToProfile(traits, { locale: context.locale, timeZone: context.timezone }) : null,
    },
  };
}
