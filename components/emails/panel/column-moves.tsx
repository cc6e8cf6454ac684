"use client";

import { Columns3 } from "lucide-react";
import type { EmailDocument } from "@/server/email/document";
import { Button } from "../../ui/button";
import { columnMovesFor } from "../editor/column-moves";
import { useDesigner } from "../designer/designer-context";

/** Moves across columns as buttons: what a drag does, for keyboard and screen-reader users. */
export function ColumnMoves({ document, blockId }: { document: EmailDocument; blockId: string }) {
  const { dispatch } = useDesigner();
  const moves = columnMovesFor(document, blockId);
  if (moves.length === 0) return null;
  return (
    <div role="group" aria-label="Move across columns" className="flex flex-wrap gap-2">
      {moves.map((move) => (
        <Button key={move.label} variant="secondary" className="text-xs" onClick={() => dispatch({ type: "move", id: blockId, to: move.to })}>
          <Columns3 aria-hidden="true" className="h-3.5 w-3.5" />
          {move.label}
        </Button>
      ))}
    </div>
  );
}
