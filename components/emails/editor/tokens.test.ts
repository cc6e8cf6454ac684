import { describe, expect, it } from "vitest";
import { insertToken, tokenFor, tokenPaths } from "./tokens";

describe("the token picker", () => {
  it("writes a token with its fallback the way marketers read it", () => {
    expect(tokenFor("contact.first_name", "there")).toBe('{{ contact.first_name | default: "there" }}');
  });

  it("writes a bare token when no fallback is given", () => {
    expect(tokenFor("contact.city", "  ")).toBe("{{ contact.city }}");
  });

  it("drops characters that would break the Liquid out of a fallback", () => {
    expect(tokenFor("contact.first_name", 'my "friend" {%')).toBe('{{ contact.first_name | default: "my friend" }}');
  });

  it("replaces the selected text and puts the caret after the token", () => {
    expect(insertToken("Hi NAME!", { start: 3, end: 7 }, "{{ x }}")).toEqual({ text: "Hi {{ x }}!", caret: 10 });
  });

  it("appends when there is no selection", () => {
    expect(insertToken("Hi ", null, "{{ x }}")).toEqual({ text: "Hi {{ x }}", caret: 10 });
  });

  it("offers scalar variables and the workspace's attributes, not lists", () => {
    const paths = tokenPaths(["vip_tier"]);
    expect(paths).toContain("contact.first_name");
    expect(paths).toContain("scores.churn_risk");
    expect(paths).toContain("contact.attributes.vip_tier");
    expect(paths).not.toContain("recommendations");
    expect(paths).not.toContain("contact.attributes");
  });
});
