import type { Block, ColumnChild, ColumnsBlock, EmailDocument } from "@/server/email/document";
import { blockIds, canLiveInColumn, freshId, type AnyBlock } from "./blocks";

/*
 * Pure edits of the block tree. Each returns a new document (unchanged parts shared) or the
 * same document when the edit is not possible (a columns block into a column, a full column),
 * so callers can tell a no-op by identity.
 */

export const MAX_ROOT_BLOCKS = 100;
export const MAX_COLUMN_BLOCKS = 10;

/** Where a block sits: the document's top level, or one column of a columns block. */
export type Slot = { parent: "root" } | { parent: "column"; columnsId: string; column: number };
export type Position = Slot & { index: number };

export const ROOT: Slot = { parent: "root" };

export type Located = { block: AnyBlock; position: Position };

export function locate(document: EmailDocument, id: string): Located | null {
  for (const [index, block] of document.blocks.entries()) {
    if (block.id === id) return { block, position: { parent: "root", index } };
    if (block.type !== "columns") continue;
    for (const [column, { blocks }] of block.columns.entries()) {
      const childIndex = blocks.findIndex((child) => child.id === id);
      if (childIndex >= 0) return { block: blocks[childIndex] as ColumnChild, position: { parent: "column", columnsId: block.id, column, index: childIndex } };
    }
  }
  return null;
}

/** The blocks of a slot, or null when the slot does not exist. */
export function blocksIn(document: EmailDocument, slot: Slot): readonly AnyBlock[] | null {
  if (slot.parent === "root") return document.blocks;
  const columns = document.blocks.find((block): block is ColumnsBlock => block.id === slot.columnsId && block.type === "columns");
  return columns?.columns[slot.column]?.blocks ?? null;
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(index, length));
}

/** Inserts `block` at `position`; refuses what the schema would refuse (columns in columns, full slots). */
export function insertBlock(document: EmailDocument, block: AnyBlock, position: Position): EmailDocument {
  if (position.parent === "root") {
    if (document.blocks.length >= MAX_ROOT_BLOCKS) return document;
    const blocks = [...document.blocks];
    blocks.splice(clampIndex(position.index, blocks.length), 0, block as Block);
    return { ...document, blocks };
  }
  if (!canLiveInColumn(block)) return document;
  const target = blocksIn(document, position);
  if (!target || target.length >= MAX_COLUMN_BLOCKS) return document;
  return updateColumn(document, position, (children) => {
    const next = [...children];
    next.splice(clampIndex(position.index, next.length), 0, block);
    return next;
  });
}

function updateColumn(document: EmailDocument, slot: Extract<Slot, { parent: "column" }>, change: (blocks: ColumnChild[]) => ColumnChild[]): EmailDocument {
  return {
    ...document,
    blocks: document.blocks.map((block) =>
      block.id === slot.columnsId && block.type === "columns"
        ? { ...block, columns: block.columns.map((column, c) => (c === slot.column ? { blocks: change(column.blocks) } : column)) }
        : block,
    ),
  };
}

export function removeBlock(document: EmailDocument, id: string): EmailDocument {
  const found = locate(document, id);
  if (!found) return document;
  const { position } = found;
  if (position.parent === "root") return { ...document, blocks: document.blocks.filter((block) => block.id !== id) };
  return updateColumn(document, position, (children) => children.filter((child) => child.id !== id));
}

/**
 * Moves a block to `to`, whose index counts positions in the target slot before the move;
 * moving within one slot therefore lands where a drop indicator pointed.
 */
export function moveBlock(document: EmailDocument, id: string, to: Position): EmailDocument {
  const found = locate(document, id);
  if (!found) return document;
  if (to.parent === "column" && (to.columnsId === id || !canLiveInColumn(found.block))) return document;
  const from = found.position;
  const sameSlot = sameSlotOf(from, to);
  const index = sameSlot && from.index < to.index ? to.index - 1 : to.index;
  if (sameSlot && index === from.index) return document;
  const target = blocksIn(document, to);
  if (!target) return document;
  if (!sameSlot && target.length >= (to.parent === "root" ? MAX_ROOT_BLOCKS : MAX_COLUMN_BLOCKS)) return document;
  return insertBlock(removeBlock(document, id), found.block, { ...to, index });
}

export function sameSlotOf(a: Slot, b: Slot): boolean {
  if (a.parent === "root" || b.parent === "root") return a.parent === b.parent;
  return a.columnsId === b.columnsId && a.column === b.column;
}

/** Alt+Arrow: one step up or down inside the block's own slot. */
export function moveBlockBy(document: EmailDocument, id: string, delta: -1 | 1): EmailDocument {
  const found = locate(document, id);
  if (!found) return document;
  const siblings = blocksIn(document, found.position) ?? [];
  const index = found.position.index + delta;
  if (index < 0 || index >= siblings.length) return document;
  return moveBlock(document, id, { ...found.position, index: delta === 1 ? index + 1 : index });
}

/** A copy with fresh ids (children of a columns block too). */
export function copyWithFreshIds(block: AnyBlock, taken: Set<string>): AnyBlock {
  const id = freshId(block.type, taken);
  taken.add(id);
  if (block.type !== "columns") return { ...structuredClone(block), id };
  return {
    ...structuredClone(block),
    id,
    columns: block.columns.map((column) => ({ blocks: column.blocks.map((child) => copyWithFreshIds(child, taken) as ColumnChild) })),
  };
}

/** Duplicates a block right after itself; answers the document and the copy's id. */
export function duplicateBlock(document: EmailDocument, id: string): { document: EmailDocument; copyId: string | null } {
  const found = locate(document, id);
  if (!found) return { document, copyId: null };
  const copy = copyWithFreshIds(found.block, blockIds(document));
  const next = insertBlock(document, copy, { ...found.position, index: found.position.index + 1 });
  return next === document ? { document, copyId: null } : { document: next, copyId: copy.id };
}

/** Replaces a block by `change(block)`; the id and type cannot change. */
export function updateBlock(document: EmailDocument, id: string, change: (block: AnyBlock) => AnyBlock): EmailDocument {
  const found = locate(document, id);
  if (!found) return document;
  const changed = { ...change(found.block), id, type: found.block.type } as AnyBlock;
  const { position } = found;
  if (position.parent === "root") return { ...document, blocks: document.blocks.map((block) => (block.id === id ? (changed as Block) : block)) };
  return updateColumn(document, position, (children) => children.map((child) => (child.id === id ? (changed as ColumnChild) : child)));
}

/** Where a clicked palette block goes: after the selected block, else before a closing footer, else last. */
export function insertionPointFor(document: EmailDocument, selectedId: string | null): Position {
  const selected = selectedId ? locate(document, selectedId) : null;
  if (selected) return { ...selected.position, index: selected.position.index + 1 };
  const last = document.blocks.at(-1);
  return { ...ROOT, index: last?.type === "footer" ? document.blocks.length - 1 : document.blocks.length };
}

export const CANVAS_END = "canvas-end";
const COLUMN_DROP = /^column:(.+):(\d)$/;

export function columnDropId(columnsId: string, column: number): string {
  return `column:${columnsId}:${column}`;
}

/**
 * The position a drag ends at, from what it was dropped on: a block (take its place), an empty
 * column's drop zone, or the end of the canvas. `movingId` is the dragged block (null for a
 * palette item); moving down within one slot lands after the block dropped on.
 */
export function positionForDrop(document: EmailDocument, overId: string, movingId: string | null): Position | null {
  if (overId === CANVAS_END) return { ...ROOT, index: document.blocks.length };
  const column = COLUMN_DROP.exec(overId);
  if (column) {
    const slot: Slot = { parent: "column", columnsId: column[1] as string, column: Number(column[2]) };
    const blocks = blocksIn(document, slot);
    return blocks ? { ...slot, index: blocks.length } : null;
  }
  const over = locate(document, overId);
  if (!over) return null;
  const moving = movingId ? locate(document, movingId) : null;
  const downward = moving !== null && sameSlotOf(moving.position, over.position) && moving.position.index < over.position.index;
  return { ...over.position, index: over.position.index + (downward ? 1 : 0) };
}
