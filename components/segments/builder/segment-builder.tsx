"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useMemo } from "react";
import type { WorkspaceFields } from "@/server/segments/workspace-fields";
import { BuilderContext, type BuilderContextValue } from "./builder-context";
import { applyDrop, INTO_GROUP_PREFIX, nodeLabels, type BuilderTree } from "./builder-tree";
import type { ConditionKind } from "./condition-edits";
import type { NodeIssue } from "./definition-issues";
import { GroupBox } from "./group-box";
import { BuilderSuggestions } from "./pickers";

export function SegmentBuilder({
  tree,
  onChange,
  fields,
  readOnly,
  issue,
  segmentId,
  conditionKinds,
  legend = "Segment definition",
  emptyRootText = "No conditions yet: the segment holds every contact.",
}: {
  tree: BuilderTree;
  onChange: (change: (tree: BuilderTree) => BuilderTree) => void;
  fields: WorkspaceFields | undefined;
  readOnly: boolean;
  issue: NodeIssue | null;
  segmentId: string | null;
  conditionKinds?: readonly ConditionKind[];
  legend?: string;
  /** What the empty top-level group says (an email block's show-if speaks of recipients). */
  emptyRootText?: string;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const context = useMemo<BuilderContextValue>(
    () => ({ edit: onChange, tree, fields, readOnly, issue, segmentId, conditionKinds, emptyRootText }),
    [onChange, tree, fields, readOnly, issue, segmentId, conditionKinds, emptyRootText],
  );
  const announcements = useMemo<Announcements>(() => {
    const labels = nodeLabels(tree);
    const name = (id: string | number) => {
      const key = String(id);
      return key.startsWith(INTO_GROUP_PREFIX) ? `the end of ${labels.get(key.slice(INTO_GROUP_PREFIX.length)) ?? "a group"}` : (labels.get(key) ?? key);
    };
    return {
      onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
      onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${name(over.id)}.` : `${name(active.id)} is no longer over a place to drop.`),
      onDragEnd: ({ active, over }) => (over ? `${name(active.id)} was moved to ${name(over.id)}.` : `${name(active.id)} was dropped where it was.`),
      onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
    };
  }, [tree]);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) onChange((current) => applyDrop(current, String(active.id), String(over.id)));
  };
  return (
    <BuilderContext.Provider value={context}>
      <BuilderSuggestions />
      <DndContext
        id="segment-builder"
        sensors={sensors} collisionDetection={closestCenter}
        accessibility={{ announcements }}
        onDragEnd={onDragEnd}
      >
        <fieldset disabled={readOnly} className="min-w-0">
          <legend className="sr-only">{legend}</legend>
          <GroupBox group={tree.root} number="" />
        </fieldset>
      </DndContext>
    </BuilderContext.Provider>
  );
}
