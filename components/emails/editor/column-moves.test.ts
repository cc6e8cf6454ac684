import { describe, expect, it } from "vitest";
import type { EmailDocument } from "@/server/email/document";
import { newBlock } from "./blocks";
import { columnMovesFor, neighbourColumnPosition } from "./column-moves";
import { insertBlock, locate, moveBlock, ROOT } from "./document-ops";
import { editorReducer, initialEditorState } from "./state";
import { documentOf } from "./test-document";

/** heading-1, columns-2 (column 1: text-a, button-b; column 2: image-c), footer-3. */
function withColumns(): EmailDocument {
  let document = documentOf("heading", "columns", "footer");
  const into = (column: number, index: number) => ({ parent: "column" as const, columnsId: "columns-2", column, index });
  document = insertBlock(document, newBlock("text", "text-a"), into(0, 0));
  document = insertBlock(document, newBlock("button", "button-b"), into(0, 1));
  return insertBlock(document, newBlock("image", "image-c"), into(1, 0));
}
const columnIds = (document: EmailDocument) => {
  const columns = document.blocks.find((block) => block.type === "columns");
  return columns?.type === "columns" ? columns.columns.map((column) => column.blocks.map((block) => block.id)) : [];
};

describe("moving blocks across columns without dragging", () => {
  it("offers the other columns and the way out to a block inside columns", () => {
    expect(columnMovesFor(withColumns(), "button-b")).toEqual([
      { label: "Move to column 2", to: { parent: "column", columnsId: "columns-2", column: 1, index: 1 } },
      { label: "Move out of the columns", to: { ...ROOT, index: 2 } },
    ]);
  });

  it("moves a block to another column, keeping its row when the column is long enough", () => {
    const document = withColumns();
    const [toColumn2] = columnMovesFor(document, "text-a");
    expect(columnIds(moveBlock(document, "text-a", toColumn2!.to))).toEqual([["button-b"], ["text-a", "image-c"]]);
  });

  it("moves a block out of the columns, right after them", () => {
    const document = withColumns();
    const out = columnMovesFor(document, "image-c").find((move) => move.label === "Move out of the columns");
    const moved = moveBlock(document, "image-c", out!.to);
    expect(moved.blocks.map((block) => block.id)).toEqual(["heading-1", "columns-2", "image-c", "footer-3"]);
    expect(columnIds(moved)).toEqual([["text-a", "button-b"], []]);
  });

  it("offers a top-level block the columns right above or below it, and nothing to a columns block", () => {
    const document = withColumns();
    expect(columnMovesFor(document, "heading-1").map((move) => move.label)).toEqual(["Move into column 1 of the columns below", "Move into column 2 of the columns below"]);
    const moved = moveBlock(document, "heading-1", columnMovesFor(document, "heading-1")[1]!.to);
    expect(columnIds(moved)).toEqual([["text-a", "button-b"], ["heading-1", "image-c"]]);
    expect(columnMovesFor(document, "columns-2")).toEqual([]);
    expect(columnMovesFor(documentOf("heading", "text"), "text-2")).toEqual([]);
  });

  it("adds a block moved into the columns above at the end of the column", () => {
    const document = moveBlock(withColumns(), "heading-1", { ...ROOT, index: 2 });
    expect(document.blocks.map((block) => block.id)).toEqual(["columns-2", "heading-1", "footer-3"]);
    const [intoFirst] = columnMovesFor(document, "heading-1");
    expect(intoFirst).toEqual({ label: "Move into column 1 of the columns above", to: { parent: "column", columnsId: "columns-2", column: 0, index: 2 } });
    expect(columnIds(moveBlock(document, "heading-1", intoFirst!.to))).toEqual([["text-a", "button-b", "heading-1"], ["image-c"]]);
  });

  it("finds the neighbouring column for Alt+arrows, and none past the edge", () => {
    const document = withColumns();
    expect(neighbourColumnPosition(document, "button-b", 1)).toEqual({ parent: "column", columnsId: "columns-2", column: 1, index: 1 });
    expect(neighbourColumnPosition(document, "button-b", -1)).toBeNull();
    expect(neighbourColumnPosition(document, "heading-1", 1)).toBeNull();
  });

  it("undoes and redoes a move between columns as one step", () => {
    const start = { ...initialEditorState(withColumns()), selectedId: "text-a" };
    const moved = editorReducer(start, { type: "move", id: "text-a", to: neighbourColumnPosition(start.document, "text-a", 1)! });
    expect(locate(moved.document, "text-a")?.position).toEqual({ parent: "column", columnsId: "columns-2", column: 1, index: 0 });
    const undone = editorReducer(moved, { type: "undo" });
    expect(columnIds(undone.document)).toEqual([["text-a", "button-b"], ["image-c"]]);
    const redone = editorReducer(undone, { type: "redo" });
    expect(columnIds(redone.document)).toEqual([["button-b"], ["text-a", "image-c"]]);
    expect(redone.selectedId).toBe("text-a");
  });

  it("moves with Alt+arrows through the reducer, and stays put at the last column", () => {
    const start = initialEditorState(withColumns());
    const right = editorReducer(start, { type: "moveAcrossColumns", id: "button-b", delta: 1 });
    expect(columnIds(right.document)).toEqual([["text-a"], ["image-c", "button-b"]]);
    expect(editorReducer(right, { type: "moveAcrossColumns", id: "button-b", delta: 1 })).toBe(right);
    expect(columnIds(editorReducer(right, { type: "undo" }).document)).toEqual([["text-a", "button-b"], ["image-c"]]);
  });
});
