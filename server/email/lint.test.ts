import { describe, expect, it } from "vitest";
import { lintField, lintTemplate } from "./lint";
import { STARTER_TEMPLATES, starterDocument, type StarterId } from "./starters";
import { documentWith } from "./test-support";

const lint = (source: string, locals?: string[]) => lintField({ blockId: "b1", path: "blocks.0.text", kind: "text", source, locals }, new Set(["vip_tier"]));

describe("lintTemplate", () => {
  it("accepts the personalisation tokens marketers use", () => {
    expect(lint('Hi {{ contact.first_name | default: "there" }}')).toEqual([]);
    expect(lint('{% if contact.city == "New York" %}NY{% endif %}')).toEqual([]);
    expect(lint("{% for p in recommendations limit: 2 %}{{ p.name }} {{ forloop.index }}{% endfor %} of {{ recommendations.size }}")).toEqual([]);
    expect(lint("{{ contact.attributes.vip_tier }} {{ scores.churn_risk | round: 2 }} {{ campaign.name }}")).toEqual([]);
  });

  it("reports a syntax error with its line and column", () => {
    expect(lint("Hello\nthere {% if contact.city %}")).toEqual([
      { blockId: "b1", path: "blocks.0.text", kind: "syntax", message: "tag {% if contact.city %} not closed", line: 2, column: 7 },
    ]);
  });

  it("reports an unclosed output", () => {
    expect(lint("{{ contact.first_name }")[0]).toMatchObject({ kind: "syntax", line: 1, column: 1 });
  });

  it("reports unknown variables where they are used", () => {
    expect(lint("Hi {{ contact.frist_name }}")).toEqual([
      { blockId: "b1", path: "blocks.0.text", kind: "unknown_variable", message: 'Unknown variable "contact.frist_name"', line: 1, column: 7 },
    ]);
  });

  it("checks custom attributes against the workspace's attribute keys", () => {
    expect(lint("{{ contact.attributes.vip_tier }}")).toEqual([]);
    expect(lint("{{ contact.attributes.shoe_size }}")[0]).toMatchObject({ kind: "unknown_variable", message: 'Unknown contact attribute "shoe_size"' });
  });

  it("refuses the raw filter, since values are always escaped", () => {
    expect(lint("{{ contact.first_name | raw }}")[0]).toMatchObject({ kind: "unsupported", message: expect.stringMatching(/raw filter is not allowed/) });
  });

  it("refuses tags that emails do not support", () => {
    expect(lint('{% include "header" %}')[0]).toMatchObject({ kind: "unsupported", message: "The {% include %} tag is not available in emails" });
    expect(lint("{% if contact.city %}{% cycle 'a', 'b' %}{% endif %}")[0]).toMatchObject({ kind: "unsupported", line: 1, column: 22 });
  });

  it("refuses filters outside the email subset", () => {
    expect(lint("{{ contact.first_name | split: ',' }}")[0]).toMatchObject({ kind: "unsupported", message: "The split filter is not available in emails" });
  });

  it("knows product fields only inside a product card", () => {
    expect(lint("{{ product.name }}", ["product"])).toEqual([]);
    expect(lint("{{ product.name }}")[0]).toMatchObject({ kind: "unknown_variable" });
  });

  it("ties every issue to its block and field", () => {
    const document = documentWith([{ id: "greeting", type: "heading", level: 1, text: "Hi {{ contact.first_name" }], { subject: "{{ campaign.nme }}" });
    expect(lintTemplate(document, { attributeKeys: [] }).map((issue) => [issue.blockId, issue.path, issue.kind])).toEqual([
      [null, "subject", "unknown_variable"],
      ["greeting", "blocks.0.text", "syntax"],
    ]);
  });

  it.each(Object.keys(STARTER_TEMPLATES))("finds nothing to report in the %s starter", (id) => {
    expect(lintTemplate(starterDocument(id as StarterId), { attributeKeys: ["loyalty_points", "vip_tier"] })).toEqual([]);
  });
});
