import { describe, expect, it } from "vitest";
import { locate, ROOT } from "./document-ops";
import { canRedo, canUndo, COALESCE_MS, editorReducer, initialEditorState, type EditorAction, type EditorState } from "./state";
import { documentOf } from "./test-document";

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const ids = (state: EditorState) => state.document.blocks.map((block) => block.id);
const columnIds = (state: EditorState, columnsId: string) => {
  const block = state.document.blocks.find((b) => b.id === columnsId);
  return block?.type === "columns" ? block.columns.map((column) => column.blocks.map((child) => child.id)) : [];
};
const retitle = (text: string) => (block: Parameters<Extract<EditorAction, { type: "updateBlock" }>["change"]>[0]) => ({ ...block, text });
const headingText = (state: EditorState, id: string) => {
  const found = locate(state.document, id);
  return found?.block.type === "heading" ? found.block.text : undefined;
};

describe("inserting blocks", () => {
  it("inserts a new block at an index and selects it", () => {
    const state = run(initialEditorState(documentOf("heading", "footer")), { type: "insert", blockType: "button", position: { ...ROOT, index: 1 } });
    expect(ids(state)).toEqual(["heading-1", "button-1", "footer-2"]);
    expect(state.selectedId).toBe("button-1");
  });

  it("gives each new block an id no other block uses", () => {
    const state = run(initialEditorState(documentOf("heading")), { type: "insert", blockType: "heading", position: { ...ROOT, index: 9 } });
    expect(ids(state)).toEqual(["heading-1", "heading-2"]);
  });

  it("inserts into a column of a columns block", () => {
    const state = run(initialEditorState(documentOf("columns")), { type: "insert", blockType: "text", position: { parent: "column", columnsId: "columns-1", column: 1, index: 0 } });
    expect(columnIds(state, "columns-1")).toEqual([[], ["text-1"]]);
  });

  it("refuses a block that cannot live in a column", () => {
    const start = initialEditorState(documentOf("columns"));
    const state = run(start, { type: "insert", blockType: "footer", position: { parent: "column", columnsId: "columns-1", column: 0, index: 0 } });
    expect(state).toBe(start);
  });
});

describe("moving blocks", () => {
  it("reorders top-level blocks to the drop position", () => {
    const state = run(initialEditorState(documentOf("heading", "text", "footer")), { type: "move", id: "heading-1", to: { ...ROOT, index: 2 } });
    expect(ids(state)).toEqual(["text-2", "heading-1", "footer-3"]);
  });

  it("moves one step up or down with the keyboard and stops at the ends", () => {
    let state = run(initialEditorState(documentOf("heading", "text", "footer")), { type: "moveBy", id: "text-2", delta: -1 });
    expect(ids(state)).toEqual(["text-2", "heading-1", "footer-3"]);
    state = run(state, { type: "moveBy", id: "text-2", delta: -1 });
    expect(ids(state)).toEqual(["text-2", "heading-1", "footer-3"]);
    state = run(state, { type: "moveBy", id: "heading-1", delta: 1 });
    expect(ids(state)).toEqual(["text-2", "footer-3", "heading-1"]);
    expect(state.past).toHaveLength(2);
  });

  it("moves a block into a column and back out", () => {
    let state = run(initialEditorState(documentOf("heading", "columns")), { type: "move", id: "heading-1", to: { parent: "column", columnsId: "columns-2", column: 0, index: 0 } });
    expect(ids(state)).toEqual(["columns-2"]);
    expect(columnIds(state, "columns-2")).toEqual([["heading-1"], []]);
    state = run(state, { type: "move", id: "heading-1", to: { ...ROOT, index: 1 } });
    expect(ids(state)).toEqual(["columns-2", "heading-1"]);
    expect(columnIds(state, "columns-2")).toEqual([[], []]);
  });

  it("does not put a columns block inside a column", () => {
    const start = initialEditorState(documentOf("columns", "columns"));
    expect(run(start, { type: "move", id: "columns-1", to: { parent: "column", columnsId: "columns-2", column: 0, index: 0 } })).toBe(start);
    expect(run(start, { type: "move", id: "columns-1", to: { parent: "column", columnsId: "columns-1", column: 0, index: 0 } })).toBe(start);
  });
});

describe("duplicating and deleting", () => {
  it("duplicates a block right after itself with a fresh id, and selects the copy", () => {
    const state = run(initialEditorState(documentOf("heading", "footer")), { type: "duplicate", id: "heading-1" });
    expect(ids(state)).toEqual(["heading-1", "heading-2", "footer-2"]);
    expect(state.selectedId).toBe("heading-2");
  });

  it("gives the children of a duplicated columns block fresh ids too", () => {
    let state = run(initialEditorState(documentOf("columns")), { type: "insert", blockType: "text", position: { parent: "column", columnsId: "columns-1", column: 0, index: 0 } });
    state = run(state, { type: "duplicate", id: "columns-1" });
    expect(ids(state)).toEqual(["columns-1", "columns-2"]);
    expect(columnIds(state, "columns-2")).toEqual([["text-2"], []]);
  });

  it("deletes the selected block and selects its neighbour", () => {
    let state = run(initialEditorState(documentOf("heading", "text", "footer")), { type: "select", id: "text-2" }, { type: "remove", id: "text-2" });
    expect(ids(state)).toEqual(["heading-1", "footer-3"]);
    expect(state.selectedId).toBe("footer-3");
    state = run(state, { type: "remove", id: "footer-3" });
    expect(state.selectedId).toBe("heading-1");
  });

  it("deletes a block inside a column", () => {
    let state = run(initialEditorState(documentOf("columns")), { type: "insert", blockType: "button", position: { parent: "column", columnsId: "columns-1", column: 1, index: 0 } });
    state = run(state, { type: "remove", id: "button-1" });
    expect(columnIds(state, "columns-1")).toEqual([[], []]);
    expect(state.selectedId).toBe("columns-1");
  });
});

describe("updating props", () => {
  it("changes a block's props but never its id or type", () => {
    const state = run(initialEditorState(documentOf("heading")), { type: "updateBlock", id: "heading-1", change: (block) => ({ ...block, id: "x", type: "text", text: "Hello" }) as never, at: 0 });
    expect(state.document.blocks[0]).toMatchObject({ id: "heading-1", type: "heading", text: "Hello" });
  });

  it("updates the subject and other document fields", () => {
    const state = run(initialEditorState(documentOf("heading")), { type: "updateDocument", fields: { subject: "New" }, field: "subject", at: 0 });
    expect(state.document.subject).toBe("New");
  });
});

describe("undo and redo", () => {
  it("undoes and redoes structural edits one at a time", () => {
    let state = run(initialEditorState(documentOf("heading")), { type: "insert", blockType: "text", position: { ...ROOT, index: 1 } }, { type: "remove", id: "heading-1" });
    expect(ids(state)).toEqual(["text-1"]);
    state = run(state, { type: "undo" });
    expect(ids(state)).toEqual(["heading-1", "text-1"]);
    state = run(state, { type: "undo" });
    expect(ids(state)).toEqual(["heading-1"]);
    expect(canUndo(state)).toBe(false);
    state = run(state, { type: "redo" }, { type: "redo" });
    expect(ids(state)).toEqual(["text-1"]);
    expect(canRedo(state)).toBe(false);
  });

  it("coalesces typing into one field into a single undo step", () => {
    const start = initialEditorState(documentOf("heading"));
    const typed = ["H", "He", "Hel", "Hell", "Hello"].map((text, i): EditorAction => ({ type: "updateBlock", id: "heading-1", field: "text", change: retitle(text), at: i * 100 }));
    const state = run(start, ...typed);
    expect(headingText(state, "heading-1")).toBe("Hello");
    expect(state.past).toHaveLength(1);
    expect(headingText(run(state, { type: "undo" }), "heading-1")).toBe("A new heading");
  });

  it("starts a new undo step after a pause, or when another field is edited", () => {
    const start = initialEditorState(documentOf("heading"));
    const state = run(
      start,
      { type: "updateBlock", id: "heading-1", field: "text", change: retitle("One"), at: 0 },
      { type: "updateBlock", id: "heading-1", field: "text", change: retitle("One two"), at: COALESCE_MS + 1 },
      { type: "updateDocument", fields: { subject: "S" }, field: "subject", at: COALESCE_MS + 2 },
    );
    expect(state.past).toHaveLength(3);
    expect(headingText(run(state, { type: "undo" }, { type: "undo" }), "heading-1")).toBe("One");
  });

  it("does not coalesce across a change of selection", () => {
    const state = run(
      initialEditorState(documentOf("heading")),
      { type: "updateBlock", id: "heading-1", field: "text", change: retitle("A"), at: 0 },
      { type: "select", id: null },
      { type: "updateBlock", id: "heading-1", field: "text", change: retitle("AB"), at: 10 },
    );
    expect(state.past).toHaveLength(2);
  });

  it("drops the redo future once a new edit is made", () => {
    const state = run(initialEditorState(documentOf("heading")), { type: "insert", blockType: "text", position: { ...ROOT, index: 1 } }, { type: "undo" }, { type: "insert", blockType: "button", position: { ...ROOT, index: 1 } });
    expect(canRedo(state)).toBe(false);
    expect(ids(state)).toEqual(["heading-1", "button-1"]);
  });

  it("records nothing for an edit that changes nothing", () => {
    const start = initialEditorState(documentOf("heading", "text"));
    expect(run(start, { type: "moveBy", id: "heading-1", delta: -1 }).past).toHaveLength(0);
  });

  it("makes a restored version one undoable step", () => {
    const start = initialEditorState(documentOf("heading"));
    const state = run(start, { type: "replace", document: documentOf("text", "footer") });
    expect(ids(state)).toEqual(["text-1", "footer-2"]);
    expect(ids(run(state, { type: "undo" }))).toEqual(["heading-1"]);
  });
});
