import { describe, expect, it } from "vitest";
import { emailDocumentSchema, parseEmailDocument, walkBlocks } from "./document";
import { documentWith } from "./test-support";

describe("the email document", () => {
  it("fills in defaults for theme, visibility and style", () => {
    const document = documentWith([{ id: "h", type: "heading", level: 2, text: "Hi" }]);
    expect(document.theme).toMatchObject({ backgroundColor: "#f4f4f5", fontFamily: "sans" });
    expect(document.blocks[0]).toMatchObject({ visibility: "all", style: {} });
    expect(document.preheader).toBe("");
  });

  it("holds columns of two or three", () => {
    const columns = (count: number) => ({ id: "c", type: "columns", columns: Array.from({ length: count }, () => ({ blocks: [] })) });
    expect(() => documentWith([columns(2) as never])).not.toThrow();
    expect(() => documentWith([columns(3) as never])).not.toThrow();
    expect(() => documentWith([columns(1) as never])).toThrow(/2 or 3 columns/);
    expect(() => documentWith([columns(4) as never])).toThrow(/2 or 3 columns/);
  });

  it("does not nest columns inside columns", () => {
    const nested = { id: "c", type: "columns", columns: [{ blocks: [{ id: "n", type: "columns", columns: [] }] }, { blocks: [] }] };
    expect(() => documentWith([nested as never])).toThrow();
  });

  it("accepts only hex colours, so no CSS can be smuggled into a style", () => {
    const result = emailDocumentSchema.safeParse({ version: 1, subject: "s", senderName: "n", blocks: [{ id: "d", type: "divider", color: "red;background:url(x)" }] });
    expect(result.success).toBe(false);
  });

  it("requires a subject and a sender name", () => {
    expect(() => parseEmailDocument({ version: 1, subject: "", senderName: "", blocks: [] })).toThrow(/Write a subject/);
  });

  it("refuses a document of an unknown version", () => {
    expect(() => parseEmailDocument({ version: 2, subject: "s", senderName: "n", blocks: [{ id: "d", type: "divider" }] })).toThrow();
  });

  it("walks column children right after their columns block", () => {
    const document = documentWith([
      { id: "a", type: "spacer", height: 8 },
      { id: "cols", type: "columns", columns: [{ blocks: [{ id: "left", type: "divider" }] }, { blocks: [{ id: "right", type: "divider" }] }] },
    ]);
    expect([...walkBlocks(document.blocks)].map((block) => block.id)).toEqual(["a", "cols", "left", "right", "footer"]);
  });
});
