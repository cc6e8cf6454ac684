import { describe, expect, it } from "vitest";
import { FUTURE_TIMESTAMP_TOLERANCE_MS, MAX_MESSAGE_BYTES } from "./limits";
import { normalizeMessage, revenueOf, type NormalizedResult } from "./normalize-message";

const receivedAt = new Date("2026-03-01T12:00:00.000Z");

function accepted(result: NormalizedResult) {
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.message;
}

function reason(result: NormalizedResult) {
  if (result.ok) throw new Error("accepted");
  return result.reason;
}

describe("normalizeMessage", () => {
  it("maps a track call onto an event named after it, with its revenue", () => {
    const message = accepted(
      normalizeMessage(
        { type: "track", event: "Order Completed", userId: "u1", messageId: "m1", timestamp: "2026-03-01T11:00:00Z", properties: { total: 42.5, currency: "EUR" } },
        receivedAt,
      ),
    );
    expect(message).toMatchObject({
      type: "track",
      name: "Order Completed",
      userId: "u1",
      anonymousId: null,
      revenue: 42.5,
      occurredAt: new Date("2026-03-01T11:00:00Z"),
      timestampAdjusted: false,
      profile: null,
    });
  });

  it("stores a page call as Page Viewed with its name, category and the page's url from context", () => {
    const message = accepted(
      normalizeMessage(
        { anonymousId: "a1", messageId: "m2", name: "Pricing", category: "Docs", context: { page: { url: "https://shop.test/pricing", title: "Pricing" } } },
        receivedAt,
        "page",
      ),
    );
    expect(message.name).toBe("Page Viewed");
    expect(message.properties).toEqual({ url: "https://shop.test/pricing", title: "Pricing", name: "Pricing", category: "Docs" });
  });

  it("stores an identify call as an Identify event carrying the traits, with a profile update", () => {
    const message = accepted(
      normalizeMessage({ type: "identify", userId: 7, messageId: "m3", traits: { email: "Ada@Example.com", firstName: "Ada", plan: "pro" } }, receivedAt),
    );
    expect(message).toMatchObject({ type: "identify", name: "Identify", userId: "7", email: "ada@example.com" });
    expect(message.properties).toEqual({ email: "Ada@Example.com", firstName: "Ada", plan: "pro" });
    expect(message.profile).toEqual({ columns: { firstName: "Ada" }, attributes: { plan: "pro" } });
  });

  it("finds the email of a track call in context.traits or properties", () => {
    expect(accepted(normalizeMessage({ event: "Signed Up", userId: "u", messageId: "m", context: { traits: { email: "X@y.io" } } }, receivedAt, "track")).email).toBe("x@y.io");
    expect(accepted(normalizeMessage({ event: "Signed Up", userId: "u", messageId: "m", properties: { email: "p@q.io" } }, receivedAt, "track")).email).toBe("p@q.io");
  });

  it("stores a timestamp far in the future at the received time, flagged", () => {
    const future = new Date(receivedAt.getTime() + FUTURE_TIMESTAMP_TOLERANCE_MS + 60_000).toISOString();
    const message = accepted(normalizeMessage({ type: "track", event: "E", userId: "u", messageId: "m", timestamp: future }, receivedAt));
    expect(message).toMatchObject({ occurredAt: receivedAt, timestampAdjusted: true });
    const slightlyAhead = new Date(receivedAt.getTime() + 60_000);
    expect(accepted(normalizeMessage({ type: "track", event: "E", userId: "u", messageId: "m", timestamp: slightlyAhead.toISOString() }, receivedAt)).occurredAt).toEqual(slightlyAhead);
  });

  it("uses the received time when no timestamp is sent", () => {
    expect(accepted(normalizeMessage({ type: "track", event: "E", userId: "u", messageId: "m" }, receivedAt)).occurredAt).toEqual(receivedAt);
  });

  it.each([
    [{ type: "track", event: "E", userId: "u" }, "messageId: is required"],
    [{ type: "track", event: "E", messageId: "m" }, "userId or anonymousId is required"],
    [{ type: "track", userId: "u", messageId: "m" }, "event: is required for track calls"],
    [{ type: "group", userId: "u", messageId: "m", groupId: "g" }, 'type: "group" is not supported'],
    [{ event: "E", userId: "u", messageId: "m" }, "type: is required"],
    [{ type: "track", event: "E", userId: "u", messageId: "m", timestamp: "yesterday" }, "timestamp: is not a valid ISO-8601 date"],
    [{ type: "track", event: "E", userId: "u", messageId: "m", properties: [1, 2] }, "properties: must be an object"],
    [{ type: "track", event: "E", userId: { id: 1 }, messageId: "m" }, "userId: must be a string"],
    ["just a string", "each message must be a JSON object"],
  ])("rejects %j with a reason naming the problem", (raw, expected) => {
    expect(reason(normalizeMessage(raw, receivedAt))).toContain(expected);
  });

  it("rejects a message over 32 KB, keeping its messageId for the answer", () => {
    const result = normalizeMessage({ type: "track", event: "E", userId: "u", messageId: "big", properties: { blob: "x".repeat(MAX_MESSAGE_BYTES) } }, receivedAt);
    expect(result).toEqual({ ok: false, reason: "message is larger than 32 KB", messageId: "big" });
  });
});

describe("revenueOf", () => {
  it("reads revenue, else total, as a number", () => {
    expect(revenueOf({ revenue: 10, total: 12 })).toBe(10);
    expect(revenueOf({ total: "12.50" })).toBe(12.5);
    expect(revenueOf({ revenue: "lots" })).toBeNull();
    expect(revenueOf({})).toBeNull();
  });
});
