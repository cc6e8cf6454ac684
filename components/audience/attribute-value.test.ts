import { describe, expect, it } from "vitest";
import { attributeText, parseAttributeText } from "./attribute-value";

describe("attribute values typed in the contact page", () => {
  it("keep numbers and booleans typed for new attributes", () => {
    expect(parseAttributeText("42")).toBe(42);
    expect(parseAttributeText("-1.5")).toBe(-1.5);
    expect(parseAttributeText("true")).toBe(true);
    expect(parseAttributeText("gold")).toBe("gold");
  });

  it("keep text with leading zeros as text", () => {
    expect(parseAttributeText("02134")).toBe("02134");
  });

  it("keep an existing text attribute as text even when it looks like a number", () => {
    expect(parseAttributeText("123", "abc")).toBe("123");
  });

  it("clear an existing number to null", () => {
    expect(parseAttributeText(" ", 3)).toBeNull();
  });

  it("show values as text", () => {
    expect(attributeText(3)).toBe("3");
    expect(attributeText(null)).toBe("");
    expect(attributeText({ a: 1 })).toBe('{"a":1}');
  });
});
