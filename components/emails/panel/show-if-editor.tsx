"use client";

import { useCallback, useState } from "react";
import { definitionFromTree, emptyTree, treeFromDefinition, type BuilderTree } from "@/components/segments/builder/builder-tree";
import type { ConditionKind } from "@/components/segments/builder/condition-edits";
import { SegmentBuilder } from "@/components/segments/builder/segment-builder";
import type { Group } from "@/server/segments/definition";
import type { WorkspaceFields } from "@/server/segments/workspace-fields";
import { useDesigner } from "../designer/designer-context";
import { showIfIssue } from "../editor/show-if-tree";

/** What a recipient carries in memory at send time; event facts reach a block through a segment. */
const SHOW_IF_KINDS: readonly ConditionKind[] = ["attribute", "score", "segment"];

const treeOf = (showIf: Group | undefined): BuilderTree => (showIf ? treeFromDefinition({ version: 1, root: showIf }) : emptyTree());

/**
 * A block's "show if" rule, edited with the segment builder itself: nested ALL/ANY groups, NOT,
 * drag and menu moves, and the same condition rows, so a condition reads and behaves the same in
 * both places. The builder's tree (with its node ids and per-kind drafts) is kept while the
 * marketer edits and rebuilt when the block's condition changes from elsewhere (undo, another block).
 */
export function ShowIfEditor({ blockId, showIf, fields, onChange }: { blockId: string; showIf: Group | undefined; fields: WorkspaceFields | undefined; onChange: (showIf: Group | undefined) => void }) {
  const { readOnly, issuesByBlock } = useDesigner();
  const [edited, setEdited] = useState(() => ({ blockId, showIf, tree: treeOf(showIf) }));
  const current = edited.blockId === blockId && edited.showIf === showIf ? edited : { blockId, showIf, tree: treeOf(showIf) };
  if (current !== edited) setEdited(current);

  const edit = useCallback(
    (change: (tree: BuilderTree) => BuilderTree) => {
      const tree = change(current.tree);
      if (tree === current.tree) return;
      const root = definitionFromTree(tree).root;
      const next = root.children.length === 0 ? undefined : root;
      setEdited({ blockId, showIf: next, tree });
      onChange(next);
    },
    [blockId, current.tree, onChange],
  );

  const issue = showIfIssue(current.tree, issuesByBlock.get(blockId) ?? []);
  return (
    <section aria-labelledby={`${blockId}-showif-title`} className="space-y-2">
      <h3 id={`${blockId}-showif-title`} className="text-sm font-semibold text-slate-900">
        Show this block
      </h3>
      <p className="text-sm text-slate-700">
        {showIf ? "Only to contacts who match these conditions." : "To everyone. Add a condition to show it only to some contacts."} Conditions on events go through a segment: save
        one and pick “Segment membership”.
      </p>
      {/* The side panel is narrower than the segment page: each condition's inputs go on their own line under its kind, and a deep group scrolls rather than spilling out. */}
      <div className="overflow-x-auto [&_.flex-wrap>.min-w-0.flex-1]:basis-full">
        <SegmentBuilder
          tree={current.tree}
          onChange={edit}
          fields={fields}
          readOnly={readOnly}
          issue={issue}
          segmentId={null}
          conditionKinds={SHOW_IF_KINDS}
          legend="Show-if conditions"
          emptyRootText="No conditions yet: every recipient sees this block."
        />
      </div>
    </section>
  );
}
