import { describe, expect, it } from "vitest";
import { contactChanges, mayChangeContact, type ContactRow } from "./contact-changes";
import { LAST_SEEN_RESOLUTION_MS } from "./limits";
import { planIdentities } from "./identity-plan";
import type { IngestMessage } from "./normalize-message";

function message(overrides: Partial<IngestMessage>): IngestMessage {
  return {
    messageId: "m",
    type: "track",
    name: "E",
    properties: {},
    revenue: null,
    occurredAt: new Date("2026-01-01T00:00:00Z"),
    timestampAdjusted: false,
    userId: null,
    anonymousId: null,
    email: null,
    profile: null,
    ...overrides,
  };
}

describe("contactChanges", () => {
  it("folds a contact's messages into one row: latest traits win, attributes merge, seen times widen", () => {
    const messages = [
      message({ userId: "u1", type: "identify", occurredAt: new Date("2026-01-02T00:00:00Z"), profile: { columns: { firstName: "Ada", city: "Paris" }, attributes: { plan: "free", a: 1 } } }),
      message({ userId: "u1", occurredAt: new Date("2026-01-01T00:00:00Z") }),
      message({ userId: "u1", type: "identify", occurredAt: new Date("2026-01-03T00:00:00Z"), profile: { columns: { firstName: "Adele" }, attributes: { plan: "pro" } } }),
    ];
    const plan = planIdentities(messages, [{ id: 9n, externalId: "u1", email: null }], []);
    const { inserts, updates } = contactChanges(messages, plan);
    expect(inserts).toEqual([]);
    expect(updates.map((change) => change.ref.existingId)).toEqual([9n]);
    expect(updates.map((change) => change.row)).toEqual([
      expect.objectContaining({
        external_id: null,
        first_name: "Adele",
        city: "Paris",
        attributes: { plan: "pro", a: 1 },
        first_seen_at: "2026-01-01T00:00:00.000Z",
        last_seen_at: "2026-01-03T00:00:00.000Z",
      }),
    ]);
  });

  it("writes the identity of new contacts and of contacts whose identity the batch changed", () => {
    const messages = [message({ userId: "new", email: "n@x.io" }), message({ userId: "u1", email: "e@x.io" })];
    const plan = planIdentities(messages, [{ id: 1n, externalId: "u1", email: null }], []);
    const { inserts, updates } = contactChanges(messages, plan);
    expect(inserts.map((change) => change.row)).toEqual([expect.objectContaining({ external_id: "new", email: "n@x.io", attributes: null })]);
    expect(updates.map((change) => [change.ref.existingId, change.row])).toEqual([[1n, expect.objectContaining({ external_id: "u1", email: "e@x.io" })]]);
  });
});

describe("mayChangeContact", () => {
  const seenOnly = (first: string, last: string): ContactRow => ({
    external_id: null,
    email: null,
    first_name: null,
    last_name: null,
    phone: null,
    locale: null,
    time_zone: null,
    country: null,
    region: null,
    city: null,
    attributes: null,
    first_seen_at: first,
    last_seen_at: last,
  });
  const stored = { firstSeenAt: new Date("2026-01-01T00:00:00Z"), lastSeenAt: new Date("2026-01-02T00:00:00Z") };
  const later = (ms: number) => new Date(stored.lastSeenAt.getTime() + ms).toISOString();

  it("leaves out a contact that was only seen again within the resolution", () => {
    expect(mayChangeContact(seenOnly("2026-01-01T12:00:00Z", later(LAST_SEEN_RESOLUTION_MS)), stored)).toBe(false);
  });

  it("keeps a contact seen later than the resolution, or earlier than first seen", () => {
    expect(mayChangeContact(seenOnly("2026-01-01T12:00:00Z", later(LAST_SEEN_RESOLUTION_MS + 1)), stored)).toBe(true);
    expect(mayChangeContact(seenOnly("2025-12-01T00:00:00Z", later(0)), stored)).toBe(true);
  });

  it("keeps a contact the batch carries profile values for, and one never seen", () => {
    expect(mayChangeContact({ ...seenOnly("2026-01-01T12:00:00Z", later(0)), attributes: { plan: "pro" } }, stored)).toBe(true);
    expect(mayChangeContact(seenOnly("2026-01-01T12:00:00Z", later(0)), { firstSeenAt: null, lastSeenAt: null })).toBe(true);
  });
});
