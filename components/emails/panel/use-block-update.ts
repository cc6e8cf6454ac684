"use client";

import { useCallback } from "react";
import type { AnyBlock } from "../editor/blocks";
import { useDesigner } from "../designer/designer-context";

/** `update(patch, field)`: merges props into a block; edits naming the same field coalesce in undo. */
export function useBlockUpdate<B extends AnyBlock>(blockId: string) {
  const { dispatch } = useDesigner();
  return useCallback(
    (patch: Partial<B>, field?: string) => dispatch({ type: "updateBlock", id: blockId, change: (block) => ({ ...block, ...patch }) as AnyBlock, field, at: Date.now() }),
    [blockId, dispatch],
  );
}
