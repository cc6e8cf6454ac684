"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, ListPlus, Plus } from "lucide-react";
import { Button } from "../../ui/button";
import { useBuilder } from "./builder-context";
import { addCondition, addGroup, INTO_GROUP_PREFIX, setGroupNegate, setGroupOp, type BuilderGroup, type BuilderNode } from "./builder-tree";
import { defaultCondition } from "./condition-edits";
import { ConditionRow } from "./condition-row";
import { NodeActions } from "./node-actions";

const nodeLabel = (node: BuilderNode, number: string) => `${node.kind === "group" ? "group" : "condition"} ${number}`;

export function GroupBox({ group, number }: { group: BuilderGroup; number: string }) {
  const { edit, readOnly, fields, issue, emptyRootText } = useBuilder();
  const ownIssue = issue?.nodeId === group.id ? issue : null;
  const isRoot = number === "";
  const label = isRoot ? "all conditions" : `group ${number}`;
  const { setNodeRef, isOver, active } = useDroppable({ id: `${INTO_GROUP_PREFIX}${group.id}`, disabled: readOnly });
  const newCondition = () => defaultCondition("attribute");
  const connector = group.op === "and" ? "AND" : "OR";
  return (
    <div
      role="group"
      aria-label={isRoot ? "Segment conditions" : `Group ${number}`}
      className={`min-w-0 flex-1 rounded-lg border p-3 ${group.negate ? "border-amber-400 bg-amber-50/40" : "border-slate-300 bg-white"}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-700">{isRoot ? "Contacts who match" : "Match"}</span>
        <div role="group" aria-label={`Combine ${label} with`} className="inline-flex overflow-hidden rounded-md border border-slate-300">
          {(["and", "or"] as const).map((op) => (
            <button
              key={op}
              type="button"
              aria-pressed={group.op === op}
              className={`px-3 py-1 text-xs font-semibold ${group.op === op ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
              onClick={() => edit((tree) => setGroupOp(tree, group.id, op))}
            >
              {op === "and" ? "ALL (AND)" : "ANY (OR)"}
            </button>
          ))}
        </div>
        <label htmlFor={`${group.id}-negate`} className="inline-flex items-center gap-1 text-slate-800">
          <input id={`${group.id}-negate`} type="checkbox" checked={group.negate} onChange={(event) => edit((tree) => setGroupNegate(tree, group.id, event.target.checked))} />
          NOT (exclude contacts matching {label})
        </label>
      </div>
      {ownIssue ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {ownIssue.message}
        </p>
      ) : null}
      <SortableContext items={group.children.map((child) => child.id)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-2" aria-label={`Conditions of ${label}`}>
          {group.children.map((child, index) => {
            const childNumber = isRoot ? `${index + 1}` : `${number}.${index + 1}`;
            return (
              <SortableNode key={child.id} node={child} number={childNumber} connector={index > 0 ? connector : null} />
            );
          })}
        </ol>
      </SortableContext>
      {group.children.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-600">
          {isRoot ? emptyRootText : "This group is empty."}
        </p>
      ) : null}
      {!readOnly ? (
        <>
          <div
            ref={setNodeRef}
            className={`mt-2 rounded-md border border-dashed px-3 text-center text-xs text-slate-600 ${active ? "py-2" : "hidden"} ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
          >
            Drop here to move into {label}
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" className="py-1 text-xs" onClick={() => edit((tree) => addCondition(tree, group.id, newCondition()))}>
              <Plus aria-hidden="true" className="h-3 w-3" /> Add condition{isRoot ? "" : ` to group ${number}`}
            </Button>
            <Button variant="secondary" className="py-1 text-xs" onClick={() => edit((tree) => addGroup(tree, group.id, newCondition()))}>
              <ListPlus aria-hidden="true" className="h-3 w-3" /> Add group{isRoot ? "" : ` to group ${number}`}
            </Button>
          </div>
        </>
      ) : null}
      {fields === undefined ? <span className="sr-only">Loading the fields of this workspace…</span> : null}
    </div>
  );
}

function SortableNode({ node, number, connector }: { node: BuilderNode; number: string; connector: string | null }) {
  const { readOnly } = useBuilder();
  const label = nodeLabel(node, number);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: node.id, disabled: readOnly });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={isDragging ? "relative z-10 opacity-70" : ""}>
      {connector ? <p className="mb-1 pl-8 text-xs font-semibold text-slate-600" aria-hidden="true">{connector}</p> : null}
      <div className="flex items-start gap-1">
        {!readOnly ? (
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Drag ${label}`}
            className="mt-1.5 cursor-grab rounded p-1 text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <GripVertical aria-hidden="true" className="h-4 w-4" />
          </button>
        ) : null}
        {node.kind === "group" ? <GroupBox group={node} number={number} /> : <ConditionRow node={node} label={label} />}
        {!readOnly ? <NodeActions nodeId={node.id} label={label} /> : null}
      </div>
    </li>
  );
}
