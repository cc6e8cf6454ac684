"use client";

import { useState } from "react";
import type { ColumnsBlock } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Field, Select } from "../../ui/field";
import { PALETTE, type BlockType } from "../editor/blocks";
import { useDesigner } from "../designer/designer-context";

const COLUMN_TYPES = PALETTE.filter((entry) => ["heading", "text", "image", "button", "divider", "spacer"].includes(entry.type));

/** Columns: how many, and adding blocks into each (their own settings open by selecting them on the canvas). */
export function ColumnsContent({ block }: { block: ColumnsBlock }) {
  const { dispatch, readOnly } = useDesigner();
  const [type, setType] = useState<BlockType>("text");

  function setCount(count: number) {
    dispatch({
      type: "updateBlock",
      id: block.id,
      at: Date.now(),
      change: (current) => {
        if (current.type !== "columns") return current;
        const columns = count > current.columns.length ? [...current.columns, { blocks: [] }] : current.columns.slice(0, count);
        // Blocks of a dropped third column move into the second, never silently vanish.
        if (count < current.columns.length) columns[count - 1] = { blocks: [...(columns[count - 1]?.blocks ?? []), ...current.columns.slice(count).flatMap((c) => c.blocks)].slice(0, 10) };
        return { ...current, columns };
      },
    });
  }

  return (
    <>
      <Field id={`${block.id}-count`} label="Columns">
        <Select id={`${block.id}-count`} value={block.columns.length} disabled={readOnly} onChange={(e) => setCount(Number(e.target.value))}>
          <option value={2}>2 columns</option>
          <option value={3}>3 columns</option>
        </Select>
      </Field>
      {readOnly ? null : (
        <div className="space-y-2">
          <Field id={`${block.id}-add-type`} label="Block to add into a column">
            <Select id={`${block.id}-add-type`} value={type} onChange={(e) => setType(e.target.value as BlockType)}>
              {COLUMN_TYPES.map((entry) => (
                <option key={entry.type} value={entry.type}>
                  {entry.label}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex flex-wrap gap-2">
            {block.columns.map((column, c) => (
              <Button
                key={c}
                variant="secondary"
                className="text-xs"
                onClick={() => dispatch({ type: "insert", blockType: type, position: { parent: "column", columnsId: block.id, column: c, index: column.blocks.length } })}
              >
                Add to column {c + 1}
              </Button>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
