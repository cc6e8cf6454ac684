import { describe, expect, it } from "vitest";
import { newBlock } from "./blocks";
import { CANVAS_END, columnDropId, insertBlock, insertionPointFor, moveBlock, positionForDrop, ROOT } from "./document-ops";
import { documentOf } from "./test-document";

describe("where a clicked palette block goes", () => {
  it("goes right after the selected block", () => {
    expect(insertionPointFor(documentOf("heading", "text", "footer"), "heading-1")).toEqual({ ...ROOT, index: 1 });
  });

  it("goes before the footer when nothing is selected", () => {
    expect(insertionPointFor(documentOf("heading", "footer"), null)).toEqual({ ...ROOT, index: 1 });
  });

  it("goes last when the email has no footer yet", () => {
    expect(insertionPointFor(documentOf("heading"), null)).toEqual({ ...ROOT, index: 1 });
  });
});

describe("where a drag ends", () => {
  const document = documentOf("heading", "text", "columns", "footer");

  it("takes the place of the block dropped on when moving up", () => {
    expect(positionForDrop(document, "heading-1", "footer-4")).toEqual({ ...ROOT, index: 0 });
  });

  it("lands after the block dropped on when moving down, like a sortable list", () => {
    const to = positionForDrop(document, "text-2", "heading-1");
    expect(to).toEqual({ ...ROOT, index: 2 });
    expect(moveBlock(document, "heading-1", to as never).blocks.map((b) => b.id)).toEqual(["text-2", "heading-1", "columns-3", "footer-4"]);
  });

  it("drops a palette item in place of the block under it", () => {
    expect(positionForDrop(document, "columns-3", null)).toEqual({ ...ROOT, index: 2 });
  });

  it("drops into the end of a column through its drop zone", () => {
    const withChild = insertBlock(document, newBlock("button", "button-9"), { parent: "column", columnsId: "columns-3", column: 1, index: 0 });
    expect(positionForDrop(withChild, columnDropId("columns-3", 1), "heading-1")).toEqual({ parent: "column", columnsId: "columns-3", column: 1, index: 1 });
  });

  it("drops at the end of the canvas", () => {
    expect(positionForDrop(document, CANVAS_END, null)).toEqual({ ...ROOT, index: 4 });
  });

  it("ignores a drop on something that is gone", () => {
    expect(positionForDrop(document, "nope", null)).toBeNull();
    expect(positionForDrop(document, columnDropId("heading-1", 0), null)).toBeNull();
  });
});
