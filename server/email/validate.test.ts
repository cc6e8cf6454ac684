import { describe, expect, it } from "vitest";
import { parseEmailDocument } from "./document";
import { STARTER_TEMPLATES, starterDocument, type StarterId } from "./starters";
import { documentWith, FOOTER } from "./test-support";
import { validateDocument } from "./validate";

const validate = (document: ReturnType<typeof documentWith>) => validateDocument(document, { attributeKeys: ["vip_tier"], segmentIds: ["seg-vip"] });

describe("validateDocument", () => {
  it.each(Object.keys(STARTER_TEMPLATES))("accepts the %s starter", (id) => {
    expect(validateDocument(starterDocument(id as StarterId), { attributeKeys: ["loyalty_points", "vip_tier"] })).toEqual([]);
  });

  it("flags an image URL that is not http(s), on its block", () => {
    const issues = validate(documentWith([{ id: "hero", type: "image", src: "ftp://files.example.com/a.png", alt: "" }]));
    expect(issues).toEqual([{ blockId: "hero", path: "blocks.0.src", message: "Image URLs must start with http:// or https://" }]);
  });

  it("flags a button without a link", () => {
    expect(validate(documentWith([{ id: "cta", type: "button", label: "Shop", href: "" }]))).toEqual([{ blockId: "cta", path: "blocks.0.href", message: "Add a link" }]);
  });

  it("flags a javascript: link in rich text", () => {
    const issues = validate(documentWith([{ id: "t", type: "text", content: [{ type: "paragraph", runs: [{ type: "link", text: "x", href: "javascript:alert(1)" }] }] }]));
    expect(issues).toEqual([{ blockId: "t", path: "blocks.0.content.0.runs.0.href", message: "Links must start with https://, http:// or mailto:" }]);
  });

  it("accepts personalised https links and Tailor's unsubscribe link", () => {
    expect(validate(documentWith([{ id: "cta", type: "button", label: "Shop", href: "https://shop.example.com/?c={{ contact.id }}" }]))).toEqual([]);
  });

  it("requires a footer", () => {
    const document = parseEmailDocument({ version: 1, subject: "Hi", senderName: "Acme", blocks: [{ id: "h", type: "heading", level: 1, text: "Hi" }] });
    expect(validate(document)).toEqual([{ blockId: null, path: "blocks", message: "Add a footer with the unsubscribe link and your postal address" }]);
  });

  it("requires the footer to link to the unsubscribe URL and show the postal address", () => {
    const document = parseEmailDocument({ version: 1, subject: "Hi", senderName: "Acme", blocks: [{ ...FOOTER, postalAddress: " ", unsubscribeHref: "https://example.com/bye" }] });
    expect(validate(document).map((issue) => [issue.blockId, issue.path])).toEqual([
      ["footer", "blocks.0.unsubscribeHref"],
      ["footer", "blocks.0.postalAddress"],
    ]);
  });

  it("refuses a footer hidden behind a condition", () => {
    const document = parseEmailDocument({ version: 1, subject: "Hi", senderName: "Acme", blocks: [{ ...FOOTER, showIf: { kind: "group", op: "and", children: [{ kind: "segment", segmentId: "seg-vip", member: true }] } }] });
    expect(validate(document)).toEqual([{ blockId: "footer", path: "blocks.0", message: "The footer is shown to everyone: remove its condition and device restriction" }]);
  });

  it("flags conditions on unknown fields, attributes and segments, and event conditions", () => {
    const block = (id: string, ...children: object[]) => ({ id, type: "spacer" as const, height: 8, showIf: { kind: "group", op: "and", children } as never });
    const issues = validate(
      documentWith([
        block("a", { kind: "attribute", field: "shoe_size", valueType: "number", op: "equals", value: 42 }),
        block("b", { kind: "attribute", field: "attributes.shoe_size", valueType: "number", op: "equals", value: 42 }),
        block("c", { kind: "attribute", field: "created_at", valueType: "date", op: "within_last_days", days: 7 }),
        block("d", { kind: "group", op: "or", children: [{ kind: "segment", segmentId: "seg-gone", member: true }] }),
        block("e", { kind: "attribute", field: "city", valueType: "string", op: "equals" }),
        block("f", { kind: "event", did: true, name: "Order Completed" }),
      ]),
    );
    expect(issues.map((issue) => [issue.blockId, issue.message])).toEqual([
      ["a", expect.stringMatching(/shoe_size/)],
      ["a", 'Condition 1: The contact field "shoe_size" is not available in emails'],
      ["b", 'Condition 1: No contact has the attribute "shoe_size" yet'],
      ["c", 'Condition 1: The contact field "created_at" is not available in emails'],
      ["d", 'Condition 1.1: Unknown segment "seg-gone"'],
      ["e", "Condition 1: Enter some text."],
      ["f", expect.stringMatching(/Event conditions are not available on email blocks: use a segment/)],
    ]);
  });

  it("names the condition at fault inside nested and negated groups", () => {
    const showIf = {
      kind: "group",
      op: "and",
      children: [
        { kind: "attribute", field: "city", valueType: "string", op: "equals", value: "Portland" },
        {
          kind: "group",
          op: "or",
          negate: true,
          children: [
            { kind: "segment", segmentId: "seg-vip", member: true },
            { kind: "group", op: "and", children: [{ kind: "consent", purpose: "email_marketing", state: "granted" }, { kind: "attribute", field: "last_seen_at", valueType: "date", op: "within_last_days", days: 3 }] },
          ],
        },
      ],
    } as never;
    const issues = validate(documentWith([{ id: "deep", type: "spacer", height: 8, showIf }]));
    expect(issues.map((issue) => [issue.blockId, issue.path, issue.message])).toEqual([
      ["deep", "showIf", expect.stringMatching(/^Condition 2\.2\.1: Consent conditions are not available on email blocks/)],
      ["deep", "showIf", 'Condition 2.2.2: The contact field "last_seen_at" is not available in emails'],
    ]);
  });

  it("accepts a valid nested condition", () => {
    const showIf = { kind: "group", op: "or", children: [{ kind: "segment", segmentId: "seg-vip", member: true }, { kind: "group", op: "and", negate: true, children: [{ kind: "score", field: "churn_risk", valueType: "number", op: "gt", value: 0.5 }] }] } as never;
    expect(validate(documentWith([{ id: "ok", type: "spacer", height: 8, showIf }]))).toEqual([]);
  });

  it("flags duplicate block ids, including inside columns", () => {
    const issues = validate(
      documentWith([
        { id: "same", type: "spacer", height: 8 },
        { id: "cols", type: "columns", columns: [{ blocks: [{ id: "same", type: "divider" }] }, { blocks: [] }] },
      ]),
    );
    expect(issues).toEqual([{ blockId: "same", path: "blocks", message: 'Two blocks share the id "same"' }]);
  });

  it("needs a category for a category products block", () => {
    expect(validate(documentWith([{ id: "p", type: "products", source: "category", count: 3 }]))).toEqual([{ blockId: "p", path: "category", message: "Pick the category to show products from" }]);
  });
});
