"use client";

import { useDraggable } from "@dnd-kit/core";
import type { PointerEventHandler } from "react";
import { PALETTE, type BlockType } from "../editor/blocks";

export const PALETTE_PREFIX = "palette:";

/** Block types to add: drag one onto the canvas, or click (Enter) to add it after the selection. */
export function Palette({ onAdd }: { onAdd: (type: BlockType) => void }) {
  return (
    <nav aria-label="Blocks to add" className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">Add a block</h2>
      <ul className="space-y-1">
        {PALETTE.map((entry) => (
          <li key={entry.type}>
            <PaletteItem type={entry.type} label={entry.label} description={entry.description} onAdd={onAdd} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PaletteItem({ type, label, description, onAdd }: { type: BlockType; label: string; description: string; onAdd: (type: BlockType) => void }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `${PALETTE_PREFIX}${type}`, data: { blockType: type } });
  const startDrag = listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined;
  return (
    <button
      ref={setNodeRef}
      type="button"
      // Only the pointer starts a drag here: Enter and Space keep their meaning of "add".
      onPointerDown={startDrag}
      onClick={() => onAdd(type)}
      title={description}
      aria-label={`Add ${label}`}
      className={`w-full cursor-grab rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm text-slate-800 hover:border-brand-600 hover:bg-brand-50 ${isDragging ? "opacity-50" : ""}`}
    >
      {label}
    </button>
  );
}
