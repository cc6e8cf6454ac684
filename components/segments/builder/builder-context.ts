"use client";

import { createContext, useContext } from "react";
import type { WorkspaceFields } from "@/server/segments/workspace-fields";
import type { BuilderTree } from "./builder-tree";
import type { ConditionKind } from "./condition-edits";
import type { NodeIssue } from "./definition-issues";

export type BuilderContextValue = {
  /** Applies a pure tree operation (builder-tree.ts) to the segment being edited. */
  edit: (change: (tree: BuilderTree) => BuilderTree) => void;
  tree: BuilderTree;
  fields: WorkspaceFields | undefined;
  readOnly: boolean;
  issue: NodeIssue | null;
  /** The saved segment being edited; null for a new one. */
  segmentId: string | null;
  /** The kinds a condition row offers; every kind when absent (an email block's show-if takes fewer). */
  conditionKinds?: readonly ConditionKind[];
  /** What the empty top-level group says: what matching no condition means where the builder is used. */
  emptyRootText: string;
};

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder outside a segment builder");
  return value;
}
