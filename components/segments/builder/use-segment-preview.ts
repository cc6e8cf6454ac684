"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { definitionFromTree, type BuilderTree } from "./builder-tree";
import { issueFromPreviewError } from "./definition-issues";

/** Long enough to wait out a burst of typing, short enough that the count follows within a second. */
export const PREVIEW_DEBOUNCE_MS = 300;

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The live count and sample of the tree being edited. Each definition is its own query key, so
 * an answer for an older definition never overwrites a newer one, and the AbortSignal cancels
 * the request once its key is no longer wanted; the previous answer stays on screen meanwhile.
 */
export function useSegmentPreview(tree: BuilderTree, editingSegmentId: string | null) {
  const trpc = useTRPC();
  const previewedTree = useDebouncedValue(tree, PREVIEW_DEBOUNCE_MS);
  const definition = useMemo(() => definitionFromTree(previewedTree), [previewedTree]);
  const preview = useQuery({
    ...trpc.segments.preview.queryOptions(
      editingSegmentId ? { definition, editingSegmentId } : { definition },
      { trpc: { abortOnUnmount: true } },
    ),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  // Kept for when the newest definition turns out invalid: an error has no placeholder data.
  const [lastAnswer, setLastAnswer] = useState(preview.data);
  if (preview.data && !preview.isPlaceholderData && preview.data !== lastAnswer) setLastAnswer(preview.data);
  const issue = useMemo(() => issueFromPreviewError(previewedTree, preview.error), [previewedTree, preview.error]);
  return {
    /** The latest answer, kept while a newer definition is counted or turns out invalid. */
    answer: preview.data ?? lastAnswer,
    refreshing: preview.isFetching || previewedTree !== tree,
    error: preview.error,
    issue,
  };
}
