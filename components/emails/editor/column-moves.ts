import type { ColumnsBlock, EmailDocument } from "@/server/email/document";
import { canLiveInColumn } from "./blocks";
import { locate, MAX_COLUMN_BLOCKS, MAX_ROOT_BLOCKS, ROOT, type Position } from "./document-ops";

/*
 * The keyboard and menu alternative to dragging a block across columns: into a neighbouring
 * columns block, to another column, or out to the top level. Each is a Position for moveBlock,
 * so the move is one "move" edit of the editor state and undoes like a drag.
 */

export type ColumnMove = { label: string; to: Position };

const columnsAt = (document: EmailDocument, index: number): ColumnsBlock | null => {
  const block = document.blocks[index];
  return block?.type === "columns" ? block : null;
};

/** The same row in another column, or its end when that column is shorter. */
function intoColumn(columns: ColumnsBlock, column: number, row: number): Position | null {
  const blocks = columns.columns[column]?.blocks;
  if (!blocks || blocks.length >= MAX_COLUMN_BLOCKS) return null;
  return { parent: "column", columnsId: columns.id, column, index: Math.min(row, blocks.length) };
}

/** Every move across columns the block can make now, labelled for a menu ("Move to column 2"). */
export function columnMovesFor(document: EmailDocument, id: string): ColumnMove[] {
  const found = locate(document, id);
  if (!found) return [];
  const { position } = found;
  if (position.parent === "column") {
    const rootIndex = document.blocks.findIndex((block) => block.id === position.columnsId);
    const columns = columnsAt(document, rootIndex);
    if (!columns) return [];
    const others = columns.columns.flatMap((_, column): ColumnMove[] => {
      const to = column === position.column ? null : intoColumn(columns, column, position.index);
      return to ? [{ label: `Move to column ${column + 1}`, to }] : [];
    });
    const out: ColumnMove[] = document.blocks.length < MAX_ROOT_BLOCKS ? [{ label: "Move out of the columns", to: { ...ROOT, index: rootIndex + 1 } }] : [];
    return [...others, ...out];
  }
  if (!canLiveInColumn(found.block)) return [];
  const neighbours = [
    { columns: columnsAt(document, position.index - 1), where: "above", row: Number.MAX_SAFE_INTEGER },
    { columns: columnsAt(document, position.index + 1), where: "below", row: 0 },
  ];
  return neighbours.flatMap(({ columns, where, row }) =>
    columns
      ? columns.columns.flatMap((_, column): ColumnMove[] => {
          const to = intoColumn(columns, column, row);
          return to ? [{ label: `Move into column ${column + 1} of the columns ${where}`, to }] : [];
        })
      : [],
  );
}

/** Alt+←/→ on a block inside columns: the same row of the previous or next column. */
export function neighbourColumnPosition(document: EmailDocument, id: string, delta: -1 | 1): Position | null {
  const found = locate(document, id);
  if (!found || found.position.parent !== "column") return null;
  const { columnsId, column, index } = found.position;
  const columns = document.blocks.find((block): block is ColumnsBlock => block.id === columnsId && block.type === "columns");
  return columns ? intoColumn(columns, column + delta, index) : null;
}
