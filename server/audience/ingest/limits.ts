// Limits of the ingest API. Body and item sizes are Segment's own (tracking API: 500 KB per
// batch request, 32 KB per call), so a client that works against Segment works here.
export const MAX_BODY_BYTES = 500 * 1024;
export const MAX_MESSAGE_BYTES = 32 * 1024;
/** Segment has no item count limit beyond the body size; 2,500 tiny items already fill 500 KB. */
export const MAX_BATCH_ITEMS = 2_500;

/**
 * A sent timestamp further ahead of the received time than this is a client clock gone wrong:
 * the event is stored at its received time and flagged (event.timestamp_adjusted).
 */
export const FUTURE_TIMESTAMP_TOLERANCE_MS = 60 * 60 * 1000;

/** write_key.last_used_at is refreshed at most this often, not on every request. */
export const WRITE_KEY_TOUCH_INTERVAL_MS = 60 * 1000;

export const MAX_ID_LENGTH = 255;
export const MAX_EVENT_NAME_LENGTH = 200;

/**
 * How far behind a contact's last_seen_at may lag: a later event moves it only when it is at
 * least this much newer (or when the contact changes anyway), so a burst of events from one
 * person rewrites their contact row once, not once per batch.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;
