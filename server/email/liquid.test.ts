import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape";
import { formatMoney, htmlLiquid, plainLiquid, safeUrl } from "./liquid";

const render = (source: string, scope: Record<string, unknown>) => htmlLiquid.parseAndRenderSync(source, scope);

describe("the Liquid environment", () => {
  it("falls back to the default when the first name is missing or empty", () => {
    const source = 'Hi {{ contact.first_name | default: "there" }}';
    expect(render(source, { contact: { first_name: "Ava" } })).toBe("Hi Ava");
    expect(render(source, { contact: { first_name: null } })).toBe("Hi there");
    expect(render(source, { contact: { first_name: "" } })).toBe("Hi there");
    expect(render(source, { contact: {} })).toBe("Hi there");
  });

  it("shows a city-specific sentence only to contacts in that city", () => {
    const source = '{% if contact.city == "New York" %}See you in SoHo{% else %}See you online{% endif %}';
    expect(render(source, { contact: { city: "New York" } })).toBe("See you in SoHo");
    expect(render(source, { contact: { city: "Boston" } })).toBe("See you online");
  });

  it("renders a value containing <script> as text", () => {
    const html = render("<p>{{ contact.first_name }}</p>", { contact: { first_name: "<script>alert('x')</script>" } });
    expect(html).toBe("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>");
    expect(html).not.toContain("<script>");
  });

  it("escapes exactly as React does, so both render paths agree to the byte", () => {
    for (const value of [`<a href="x">Tom & Jerry's</a>`, "plain", "", "&", "<<>>", "'quoted'", "Zoë & 李 \u00a0"]) {
      expect(escapeHtml(value)).toBe(renderToStaticMarkup(createElement("span", null, value)).slice(6, -7));
    }
  });

  it("leaves values unescaped in the plain environment (subjects, the text part)", () => {
    expect(plainLiquid.parseAndRenderSync("{{ name }}", { name: "Tom & Jerry" })).toBe("Tom & Jerry");
  });

  it("refuses unknown filters when parsing", () => {
    expect(() => htmlLiquid.parse("{{ contact.first_name | shout }}")).toThrow(/undefined filter: shout/);
  });

  it("cannot read files through include", () => {
    expect(() => htmlLiquid.parseAndRenderSync('{% include "/etc/passwd" %}', {})).toThrow();
  });

  it("reads only own properties, never the prototype chain", () => {
    expect(render("{{ contact.constructor }}|{{ contact.__proto__ }}", { contact: {} })).toBe("|");
  });

  it("formats prices in their currency and leaves missing prices empty", () => {
    expect(formatMoney(49, "usd")).toBe("$49.00");
    expect(formatMoney("12.5", "EUR")).toBe("€12.50");
    expect(formatMoney(null, "USD")).toBe("");
    expect(render("{{ p.price | money: p.currency }}", { p: { price: 1234.5, currency: "GBP" } })).toBe("£1,234.50");
  });

  it("lets only http(s) data URLs through safe_url", () => {
    expect(safeUrl("https://shop.example.com/p/1")).toBe("https://shop.example.com/p/1");
    expect(safeUrl("javascript:alert(1)")).toBe("#");
    expect(safeUrl(null)).toBe("#");
  });
});
