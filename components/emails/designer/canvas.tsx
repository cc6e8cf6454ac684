"use client";

import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCenter, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useState } from "react";
import type { EmailDocument } from "@/server/email/document";
import { paletteLabel, type BlockType } from "../editor/blocks";
import { CANVAS_END, insertionPointFor, locate, positionForDrop } from "../editor/document-ops";
import { CanvasBlock } from "./canvas-block";
import { useDesigner } from "./designer-context";
import { Palette, PALETTE_PREFIX } from "./palette";

/** The palette and the canvas share one drag context: palette items drop between canvas blocks. */
export function DesignCanvas({ document, selectedId }: { document: EmailDocument; selectedId: string | null }) {
  const { dispatch, readOnly } = useDesigner();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [dragging, setDragging] = useState<string | null>(null);

  function onDragStart(event: DragStartEvent) {
    const id = String(event.active.id);
    const type = id.startsWith(PALETTE_PREFIX) ? (id.slice(PALETTE_PREFIX.length) as BlockType) : locate(document, id)?.block.type;
    setDragging(type ? paletteLabel(type) : null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    if (!over) return;
    const activeId = String(active.id);
    const fromPalette = activeId.startsWith(PALETTE_PREFIX);
    const position = positionForDrop(document, String(over.id), fromPalette ? null : activeId);
    if (!position) return;
    if (fromPalette) dispatch({ type: "insert", blockType: activeId.slice(PALETTE_PREFIX.length) as BlockType, position });
    else dispatch({ type: "move", id: activeId, to: position });
  }

  const canvas = (
    <section aria-label="Canvas" className="rounded-lg border border-slate-200 p-4 shadow-sm" style={{ backgroundColor: document.theme.backgroundColor }}>
      <p id="canvas-keys" className="mb-2 text-xs text-slate-700">
        {readOnly ? "Select a block to see its settings." : "Select a block to edit it. Alt+↑/↓ moves the focused block, Alt+←/→ moves it between columns, Delete removes it, Ctrl+Z undoes."}
      </p>
      <ol aria-label="Email blocks" className="mx-auto max-w-[600px] space-y-1 p-2" style={{ backgroundColor: document.theme.contentBackgroundColor, color: document.theme.textColor }}>
        <SortableContext items={document.blocks.map((block) => block.id)} strategy={verticalListSortingStrategy} disabled={readOnly}>
          {document.blocks.map((block) => (
            <CanvasBlock key={block.id} block={block} theme={document.theme} selectedId={selectedId} />
          ))}
        </SortableContext>
      </ol>
      {readOnly ? null : <CanvasEnd />}
    </section>
  );

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      {readOnly ? (
        canvas
      ) : (
        <div className="grid gap-4 md:grid-cols-[11rem_minmax(0,1fr)]">
          <Palette onAdd={(blockType) => dispatch({ type: "insert", blockType, position: insertionPointFor(document, selectedId) })} />
          {canvas}
        </div>
      )}
      <DragOverlay>{dragging ? <div className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white shadow-lg">{dragging}</div> : null}</DragOverlay>
    </DndContext>
  );
}

function CanvasEnd() {
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_END });
  return (
    <div ref={setNodeRef} className={`mx-auto mt-2 max-w-[600px] rounded-md border-2 border-dashed px-3 py-3 text-center text-xs text-slate-700 ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>
      Drop a block here to add it at the end
    </div>
  );
}
