import { describe, expect, it } from "vitest";
import { isUnspecifiedAddress } from "./list";

describe("isUnspecifiedAddress", () => {
  it("treats missing and all-zero addresses as unknown", () => {
    expect(isUnspecifiedAddress(null)).toBe(true);
    expect(isUnspecifiedAddress("::")).toBe(true);
    expect(isUnspecifiedAddress("0000:0000:0000:0000:0000:0000:0000:0000")).toBe(true);
  });
  it("keeps real addresses", () => {
    expect(isUnspecifiedAddress("203.0.113.7")).toBe(false);
    expect(isUnspecifiedAddress("::1")).toBe(false);
  });
});
