import type { EmailDocument } from "@/server/email/document";
import { blockIds, freshId, newBlock, type AnyBlock, type BlockType } from "./blocks";
import { neighbourColumnPosition } from "./column-moves";
import { blocksIn, duplicateBlock, insertBlock, locate, moveBlock, moveBlockBy, removeBlock, updateBlock, type Position } from "./document-ops";

/*
 * The designer's state: the document being edited, the selected block and an undo/redo history.
 * A reducer over plain data, so every editing gesture is unit-tested without a browser.
 */

type Snapshot = { document: EmailDocument; selectedId: string | null };

export type EditorState = Snapshot & {
  past: Snapshot[];
  future: Snapshot[];
  /** The last edit's coalescing key and time: keystrokes into one field become one undo step. */
  lastEdit: { key: string; at: number } | null;
};

export const HISTORY_LIMIT = 100;
/** Edits of one field closer together than this merge into one undo step. */
export const COALESCE_MS = 1000;

type DocumentFields = Partial<Pick<EmailDocument, "subject" | "preheader" | "senderName" | "theme">>;

export type EditorAction =
  | { type: "select"; id: string | null }
  | { type: "insert"; blockType: BlockType; position: Position }
  | { type: "move"; id: string; to: Position }
  | { type: "moveBy"; id: string; delta: -1 | 1 }
  /** Alt+←/→ on a block inside columns: to the same row of the neighbouring column. */
  | { type: "moveAcrossColumns"; id: string; delta: -1 | 1 }
  | { type: "duplicate"; id: string }
  | { type: "remove"; id: string }
  /** `field` names what is being typed into; consecutive edits of the same field coalesce. */
  | { type: "updateBlock"; id: string; change: (block: AnyBlock) => AnyBlock; field?: string; at: number }
  | { type: "updateDocument"; fields: DocumentFields; field?: string; at: number }
  /** A document from elsewhere (a restored version): one undoable step. */
  | { type: "replace"; document: EmailDocument }
  | { type: "undo" }
  | { type: "redo" };

export function initialEditorState(document: EmailDocument): EditorState {
  return { document, selectedId: null, past: [], future: [], lastEdit: null };
}

function commit(state: EditorState, document: EmailDocument, selectedId: string | null, edit: { key: string; at: number } | null = null): EditorState {
  if (document === state.document) return state;
  const coalesce = edit !== null && state.lastEdit !== null && state.lastEdit.key === edit.key && edit.at - state.lastEdit.at < COALESCE_MS;
  const past = coalesce ? state.past : [...state.past, { document: state.document, selectedId: state.selectedId }].slice(-HISTORY_LIMIT);
  return { document, selectedId, past, future: [], lastEdit: edit };
}

/** The block to select once `id` is gone: the next sibling, else the previous one, else none. */
function neighbourOf(state: EditorState, id: string): string | null {
  const found = locate(state.document, id);
  if (!found) return state.selectedId;
  const { position } = found;
  const siblings = blocksIn(state.document, position) ?? [];
  return siblings[position.index + 1]?.id ?? siblings[position.index - 1]?.id ?? (position.parent === "column" ? position.columnsId : null);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "select":
      return action.id === state.selectedId && state.lastEdit === null ? state : { ...state, selectedId: action.id, lastEdit: null };
    case "insert": {
      const block = newBlock(action.blockType, freshId(action.blockType, blockIds(state.document)));
      const document = insertBlock(state.document, block, action.position);
      return document === state.document ? state : commit(state, document, block.id);
    }
    case "move":
      return commit(state, moveBlock(state.document, action.id, action.to), action.id);
    case "moveBy":
      return commit(state, moveBlockBy(state.document, action.id, action.delta), action.id);
    case "moveAcrossColumns": {
      const to = neighbourColumnPosition(state.document, action.id, action.delta);
      return to ? commit(state, moveBlock(state.document, action.id, to), action.id) : state;
    }
    case "duplicate": {
      const { document, copyId } = duplicateBlock(state.document, action.id);
      return copyId ? commit(state, document, copyId) : state;
    }
    case "remove": {
      const selectedId = state.selectedId === action.id ? neighbourOf(state, action.id) : state.selectedId;
      return commit(state, removeBlock(state.document, action.id), selectedId);
    }
    case "updateBlock": {
      const key = `block:${action.id}:${action.field ?? "*"}`;
      return commit(state, updateBlock(state.document, action.id, action.change), state.selectedId, action.field ? { key, at: action.at } : null);
    }
    case "updateDocument": {
      const document = { ...state.document, ...action.fields };
      return commit(state, document, state.selectedId, action.field ? { key: `document:${action.field}`, at: action.at } : null);
    }
    case "replace":
      return commit(state, action.document, locate(action.document, state.selectedId ?? "") ? state.selectedId : null);
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { ...previous, past: state.past.slice(0, -1), future: [{ document: state.document, selectedId: state.selectedId }, ...state.future], lastEdit: null };
    }
    case "redo": {
      const next = state.future[0];
      if (!next) return state;
      return { ...next, past: [...state.past, { document: state.document, selectedId: state.selectedId }], future: state.future.slice(1), lastEdit: null };
    }
  }
}

export const canUndo = (state: EditorState) => state.past.length > 0;
export const canRedo = (state: EditorState) => state.future.length > 0;
