import { describe, expect, it } from "vitest";
import { writeKeyFromAuthorization } from "./authenticate-write-key";

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

describe("writeKeyFromAuthorization", () => {
  it("reads the key from Basic auth the way Segment's libraries send it (key as user, empty password)", () => {
    expect(writeKeyFromAuthorization(basic("tlr_abc-DEF_123:"))).toBe("tlr_abc-DEF_123");
  });

  it("accepts a key without the colon and ignores a password", () => {
    expect(writeKeyFromAuthorization(basic("tlr_abc"))).toBe("tlr_abc");
    expect(writeKeyFromAuthorization(basic("tlr_abc:ignored"))).toBe("tlr_abc");
  });

  it("finds no key in a missing, empty or non-Basic header", () => {
    expect(writeKeyFromAuthorization(null)).toBeNull();
    expect(writeKeyFromAuthorization(basic(":"))).toBeNull();
    expect(writeKeyFromAuthorization("Bearer tlr_abc")).toBeNull();
  });
});
