import { describe, expect, it } from "vitest";
import { decodeTimelineCursor, encodeTimelineCursor } from "./contact-timeline";
import { decodeContactCursor, encodeContactCursor } from "./cursor";

describe("contact list cursors", () => {
  it("round-trip a time value and id", () => {
    const cursor = { sort: "last_seen" as const, value: "2026-03-01T10:00:00.000Z", id: "42" };
    expect(decodeContactCursor(encodeContactCursor(cursor), "last_seen")).toEqual(cursor);
  });

  it("round-trip the phase of rows without a value", () => {
    const cursor = { sort: "email" as const, value: null, id: "7" };
    expect(decodeContactCursor(encodeContactCursor(cursor), "email")).toEqual(cursor);
  });

  it("are not readable by another sort order", () => {
    const encoded = encodeContactCursor({ sort: "created", value: "2026-03-01T10:00:00.000Z", id: "1" });
    expect(decodeContactCursor(encoded, "last_seen")).toBeNull();
  });

  it("reject tampered or malformed input", () => {
    expect(decodeContactCursor("not-base64-json", "email")).toBeNull();
    const badId = Buffer.from(JSON.stringify(["email", "a@b.c", "1; drop table"])).toString("base64url");
    expect(decodeContactCursor(badId, "email")).toBeNull();
    const badDate = Buffer.from(JSON.stringify(["created", "yesterday", "1"])).toString("base64url");
    expect(decodeContactCursor(badDate, "created")).toBeNull();
  });
});

describe("timeline cursors", () => {
  it("round-trip the time and id of the last event", () => {
    const at = new Date("2026-02-03T04:05:06.789Z");
    expect(decodeTimelineCursor(encodeTimelineCursor(at, 123n))).toEqual({ occurredAt: at, id: 123n });
  });

  it("reject anything else", () => {
    expect(decodeTimelineCursor("2026-02-03_1")).toBeNull();
    expect(decodeTimelineCursor("x")).toBeNull();
  });
});
