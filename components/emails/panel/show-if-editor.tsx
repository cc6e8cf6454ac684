"use client";

import { useQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useMemo } from "react";
import { BuilderContext, type BuilderContextValue } from "@/components/segments/builder/builder-context";
import { emptyTree } from "@/components/segments/builder/builder-tree";
import { AttributeEditor, ScoreEditor } from "@/components/segments/builder/condition-editors";
import { defaultCondition } from "@/components/segments/builder/condition-edits";
import { BuilderSuggestions } from "@/components/segments/builder/pickers";
import { useTRPC } from "@/components/trpc/provider";
import type { Condition, Group, SegmentNode } from "@/server/segments/definition";
import type { WorkspaceFields } from "@/server/segments/workspace-fields";
import { Button } from "../../ui/button";
import { Select } from "../../ui/field";
import { useDesigner } from "../designer/designer-context";

/** The kinds a block's condition can use: what a recipient carries in memory at send time. */
const KINDS = { attribute: "Contact field", score: "Score", segment: "Segment membership" } as const;
type ShowIfKind = keyof typeof KINDS;

const isShowIfCondition = (node: SegmentNode): node is Extract<Condition, { kind: ShowIfKind }> => node.kind in KINDS;

/**
 * A block's "show if" rule: one group (all / any) of conditions, edited with the segment
 * builder's own condition rows, so a condition reads and behaves the same in both places.
 */
export function ShowIfEditor({ blockId, showIf, fields, onChange }: { blockId: string; showIf: Group | undefined; fields: WorkspaceFields | undefined; onChange: (showIf: Group | undefined) => void }) {
  const { readOnly } = useDesigner();
  const builder = useMemo<BuilderContextValue>(() => ({ edit: () => undefined, tree: emptyTree(), fields, readOnly, issue: null }), [fields, readOnly]);
  const children = showIf?.children ?? [];
  const setChildren = (next: SegmentNode[]) => onChange(next.length === 0 ? undefined : { kind: "group", op: showIf?.op ?? "and", ...(showIf?.negate ? { negate: true } : {}), children: next });
  const replace = (index: number, node: SegmentNode) => setChildren(children.map((child, i) => (i === index ? node : child)));

  return (
    <BuilderContext.Provider value={builder}>
      <BuilderSuggestions />
      <fieldset disabled={readOnly} className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Show this block</legend>
        {showIf ? (
          <Select
            aria-label="Which conditions must hold"
            className="w-auto"
            value={showIf.op}
            onChange={(e) => onChange({ ...showIf, op: e.target.value as Group["op"] })}
          >
            <option value="and">when all of these hold</option>
            <option value="or">when any of these holds</option>
          </Select>
        ) : (
          <p className="text-sm text-slate-700">to everyone.</p>
        )}
        <ol className="space-y-2">
          {children.map((child, index) => (
            <li key={index} className="space-y-2 rounded-md border border-slate-200 p-2">
              <div className="flex items-center justify-between gap-2">
                {isShowIfCondition(child) ? (
                  <Select
                    aria-label={`Kind of condition ${index + 1}`}
                    className="w-auto"
                    value={child.kind}
                    onChange={(e) => replace(index, defaultCondition(e.target.value as ShowIfKind))}
                  >
                    {Object.entries(KINDS).map(([kind, label]) => (
                      <option key={kind} value={kind}>
                        {label}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <span className="text-sm text-slate-700">A condition this editor cannot show ({child.kind})</span>
                )}
                <Button variant="ghost" aria-label={`Remove condition ${index + 1}`} onClick={() => setChildren(children.filter((_, i) => i !== index))}>
                  <Trash2 aria-hidden="true" className="h-4 w-4" />
                </Button>
              </div>
              <ConditionFields id={`${blockId}-showif-${index}`} node={child} onChange={(node) => replace(index, node)} />
            </li>
          ))}
        </ol>
        {readOnly ? null : (
          <Button variant="secondary" className="text-xs" onClick={() => setChildren([...children, defaultCondition("attribute", { attributeField: "city" })])}>
            Add a condition
          </Button>
        )}
      </fieldset>
    </BuilderContext.Provider>
  );
}

function ConditionFields({ id, node, onChange }: { id: string; node: SegmentNode; onChange: (node: SegmentNode) => void }) {
  switch (node.kind) {
    case "attribute":
      return <AttributeEditor id={id} condition={node} onChange={onChange} />;
    case "score":
      return <ScoreEditor id={id} condition={node} onChange={onChange} />;
    case "segment":
      return <SegmentPicker id={id} condition={node} onChange={onChange} />;
    default:
      return null;
  }
}

function SegmentPicker({ id, condition, onChange }: { id: string; condition: Extract<Condition, { kind: "segment" }>; onChange: (node: SegmentNode) => void }) {
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  return (
    <div className="flex flex-wrap gap-2">
      <Select aria-label="In or not in" className="w-auto" value={condition.member ? "in" : "not_in"} onChange={(e) => onChange({ ...condition, member: e.target.value === "in" })}>
        <option value="in">is in segment</option>
        <option value="not_in">is not in segment</option>
      </Select>
      <Select id={`${id}-segment`} aria-label="Segment" className="w-auto" value={condition.segmentId} onChange={(e) => onChange({ ...condition, segmentId: e.target.value })}>
        <option value="">Pick a segment…</option>
        {(segments.data ?? []).map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
