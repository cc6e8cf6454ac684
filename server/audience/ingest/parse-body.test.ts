import { describe, expect, it } from "vitest";
import { MAX_BATCH_ITEMS } from "./limits";
import { parseIngestBody } from "./parse-body";

const receivedAt = new Date("2026-03-01T12:00:00Z");
const parse = (body: string, endpoint: Parameters<typeof parseIngestBody>[1] = "batch") => parseIngestBody(body, endpoint, receivedAt, Buffer.byteLength(body));

describe("parseIngestBody", () => {
  it("names the problem of malformed JSON", () => {
    const result = parse('{"batch": [');
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(!result.ok && result.error).toMatch(/^Malformed JSON: /);
  });

  it("keeps a batch's valid items and lists the others with their index, messageId and reason", () => {
    const body = JSON.stringify({
      batch: [
        { type: "track", event: "A", userId: "u", messageId: "ok-1" },
        { type: "track", userId: "u", messageId: "no-event" },
        { type: "page", anonymousId: "x", messageId: "ok-2" },
        { type: "identify", messageId: "nobody" },
      ],
    });
    const result = parse(body);
    if (!result.ok) throw new Error(result.error);
    expect(result.messages.map((m) => m.messageId)).toEqual(["ok-1", "ok-2"]);
    expect(result.indexes).toEqual([0, 2]);
    expect(result.rejected).toEqual([
      { index: 1, messageId: "no-event", reason: "event: is required for track calls" },
      { index: 3, messageId: "nobody", reason: "userId or anonymousId is required" },
    ]);
  });

  it("refuses a batch that is not an array", () => {
    expect(parse('{"batch": {"type": "track"}}')).toEqual({ ok: false, status: 400, error: "batch: must be an array of messages" });
  });

  it("answers 413 for a batch with too many items", () => {
    const body = JSON.stringify({ batch: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({})) });
    expect(parse(body)).toMatchObject({ ok: false, status: 413 });
  });

  it("takes a single call's type from its endpoint and refuses it whole when invalid", () => {
    const ok = parse(JSON.stringify({ event: "Clicked", userId: "u", messageId: "m" }), "track");
    expect(ok.ok && ok.messages[0]!.type).toBe("track");
    expect(parse(JSON.stringify({ userId: "u", messageId: "m" }), "track")).toEqual({ ok: false, status: 400, error: "event: is required for track calls" });
  });
});
