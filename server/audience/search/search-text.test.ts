import { describe, expect, it } from "vitest";
import { containsPattern } from "./search-text";

describe("containsPattern", () => {
  it("matches the text anywhere, lower-cased and trimmed", () => {
    expect(containsPattern("  Maria@Example ")).toBe("%maria@example%");
  });

  it("escapes LIKE wildcards so that they match themselves", () => {
    expect(containsPattern("50%_off")).toBe("%50\\%\\_off%");
  });

  it("escapes the escape character itself", () => {
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });
});
