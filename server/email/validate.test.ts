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
    const document = parseEmailDocument({ version: 1, subject: "Hi", senderName: "Acme", blocks: [{ ...FOOTER, showIf: { type: "in_segment", segmentId: "seg-vip" } }] });
    expect(validate(document)).toEqual([{ blockId: "footer", path: "blocks.0", message: "The footer is shown to everyone: remove its condition and device restriction" }]);
  });

  it("flags conditions on unknown fields, attributes, scores and segments", () => {
    const block = (id: string, showIf: object) => ({ id, type: "spacer" as const, height: 8, showIf: showIf as never });
    const issues = validate(
      documentWith([
        block("a", { type: "attribute", field: "shoe_size", operator: "eq", value: 42 }),
        block("b", { type: "attribute", field: "attributes.shoe_size", operator: "eq", value: 42 }),
        block("c", { type: "score", score: "happiness", operator: "gt", value: 1 }),
        block("d", { type: "group", match: "all", conditions: [{ type: "in_segment", segmentId: "seg-gone" }] }),
        block("e", { type: "attribute", field: "city", operator: "eq" }),
      ]),
    );
    expect(issues.map((issue) => [issue.blockId, issue.message])).toEqual([
      ["a", 'Unknown contact field "shoe_size"'],
      ["b", 'Unknown contact attribute "shoe_size"'],
      ["c", 'Unknown score "happiness"'],
      ["d", 'Unknown segment "seg-gone"'],
      ["e", "Give a value to compare city with"],
    ]);
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
