import { describe, expect, it } from "vitest";
import { decodeEncodedWords } from "./parse-captured";

describe("decoding RFC 2047 header values for the Outbox", () => {
  it("decodes Q and B encoded words", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?=E6=9D=8E=2C_new_picks_for_you_this_week?=")).toBe("李, new picks for you this week");
    expect(decodeEncodedWords("=?utf-8?B?WsO2w6s=?= <z@example.test>")).toBe("Zöë <z@example.test>");
  });

  it("joins adjacent words, even when they split a character, and keeps plain text around them", () => {
    expect(decodeEncodedWords("Re: =?UTF-8?Q?=E6=9D?= =?UTF-8?Q?=8E?= and more")).toBe("Re: 李 and more");
  });

  it("leaves plain values and unknown charsets readable", () => {
    expect(decodeEncodedWords("Hello, world")).toBe("Hello, world");
    expect(decodeEncodedWords("=?x-unknown?Q?caf=E9?=")).toBe("café");
  });
});
