"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical } from "lucide-react";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { Theme } from "@/server/email/document";
import { paletteLabel, type AnyBlock } from "../editor/blocks";
import { columnDropId } from "../editor/document-ops";
import { worstSeverity } from "../editor/issues";
import { BlockPreview } from "./block-preview";
import { useDesigner } from "./designer-context";

function blockBadges(block: AnyBlock): string[] {
  return [
    ...(block.showIf ? ["Show if"] : []),
    ...(block.visibility === "desktop_only" ? ["Desktop only"] : block.visibility === "mobile_only" ? ["Mobile only"] : []),
  ];
}

/** One block on the canvas: focusable, selectable, draggable by its handle, moved with Alt+arrows. */
export function CanvasBlock({ block, theme, selectedId }: { block: AnyBlock; theme: Theme; selectedId: string | null }) {
  const { dispatch, readOnly, issuesByBlock } = useDesigner();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: block.id, disabled: readOnly });
  const itemRef = useRef<HTMLLIElement | null>(null);
  const selected = selectedId === block.id;
  const issues = issuesByBlock.get(block.id) ?? [];
  const severity = worstSeverity(issues);
  const label = paletteLabel(block.type);
  const badges = blockBadges(block);

  // Selecting from the issues panel (or a keyboard move) brings the block into view and focus.
  useEffect(() => {
    if (selected && itemRef.current && !itemRef.current.contains(document.activeElement)) {
      itemRef.current.scrollIntoView({ block: "nearest" });
      itemRef.current.focus({ preventScroll: true });
    }
  }, [selected]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      dispatch({ type: "select", id: block.id });
      return;
    }
    if (readOnly) return;
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      dispatch({ type: "moveBy", id: block.id, delta: event.key === "ArrowUp" ? -1 : 1 });
      // Reordering moves the element in the DOM, which drops its focus: take it back.
      requestAnimationFrame(() => itemRef.current?.focus());
    } else if (event.altKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      event.preventDefault();
      // The block mounts anew in the other column's list, selected: its effect above takes the focus.
      dispatch({ type: "moveAcrossColumns", id: block.id, delta: event.key === "ArrowLeft" ? -1 : 1 });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      dispatch({ type: "remove", id: block.id });
    }
  }

  return (
    <li
      ref={(node) => {
        setNodeRef(node);
        itemRef.current = node;
      }}
      tabIndex={0}
      aria-label={`${label} block${issues.length > 0 ? `, ${issues.length} ${issues.length === 1 ? "issue" : "issues"}` : ""}${selected ? ", selected" : ""}`}
      aria-describedby="canvas-keys"
      aria-current={selected ? "true" : undefined}
      data-block-id={block.id}
      data-issues={severity ?? undefined}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        event.stopPropagation();
        dispatch({ type: "select", id: block.id });
      }}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`group relative flex cursor-pointer gap-1 rounded-md outline-offset-1 ${isDragging ? "opacity-40" : ""} ${
        severity === "error" ? "outline-2 outline-red-600" : severity === "warning" ? "outline-2 outline-amber-500" : selected ? "outline-2 outline-brand-600" : "hover:outline hover:outline-1 hover:outline-slate-300"
      }`}
    >
      {readOnly ? null : (
        <button
          ref={setActivatorNodeRef}
          type="button"
          {...attributes}
          {...listeners}
          aria-label={`Drag to move the ${label} block`}
          className="flex w-5 shrink-0 cursor-grab items-start justify-center pt-2 text-slate-500 opacity-60 group-hover:opacity-100"
        >
          <GripVertical aria-hidden="true" className="h-4 w-4" />
        </button>
      )}
      <div className="min-w-0 flex-1">
        {badges.length > 0 ? (
          <div className="flex gap-1 pt-1">
            {badges.map((badge) => (
              <span key={badge} className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-900">
                {badge}
              </span>
            ))}
          </div>
        ) : null}
        {block.type === "columns" ? (
          <div className="grid gap-2 py-2" style={{ gridTemplateColumns: `repeat(${block.columns.length}, minmax(0, 1fr))` }}>
            {block.columns.map((column, c) => (
              <CanvasColumn key={c} columnsId={block.id} column={c} blocks={column.blocks} theme={theme} selectedId={selectedId} />
            ))}
          </div>
        ) : (
          <BlockPreview block={block} theme={theme} />
        )}
      </div>
    </li>
  );
}

function CanvasColumn({ columnsId, column, blocks, theme, selectedId }: { columnsId: string; column: number; blocks: AnyBlock[]; theme: Theme; selectedId: string | null }) {
  const { readOnly } = useDesigner();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(columnsId, column), disabled: readOnly });
  return (
    <div ref={setNodeRef} className={`rounded border border-dashed p-1 ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>
      <ol aria-label={`Column ${column + 1}`} className="space-y-1">
        <SortableContext items={blocks.map((child) => child.id)} strategy={verticalListSortingStrategy} disabled={readOnly}>
          {blocks.map((child) => (
            <CanvasBlock key={child.id} block={child} theme={theme} selectedId={selectedId} />
          ))}
        </SortableContext>
      </ol>
      {blocks.length === 0 ? <p className="px-1 py-3 text-center text-xs text-slate-700">Drop a block into column {column + 1}</p> : null}
    </div>
  );
}
