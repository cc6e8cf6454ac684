"use client";

import { Bold, Italic, Link2, Trash2 } from "lucide-react";
import type { RichNode, RichRun } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Field, Input, Select } from "../../ui/field";
import { useDesigner } from "../designer/designer-context";
import {
  addListItem,
  addNode,
  addRun,
  changeNodeKind,
  nodeKind,
  removeListItem,
  removeNode,
  removeRun,
  runsAt,
  toggleLink,
  toggleMark,
  updateRun,
  type RunsAt,
} from "../editor/rich-text";
import { TokenInput } from "./token-input";

type Props = { blockId: string; nodes: RichNode[]; onChange: (nodes: RichNode[], field?: string) => void };

const KIND_LABELS = { paragraph: "Paragraph", bulleted: "Bulleted list", numbered: "Numbered list" } as const;

/** Rich text as structured rows: each run is a piece of text that may be bold, italic or a link. */
export function RichTextEditor({ blockId, nodes, onChange }: Props) {
  const { readOnly } = useDesigner();
  return (
    <div className="space-y-3">
      {nodes.map((node, n) => (
        <fieldset key={n} className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs font-medium text-slate-700">
            {KIND_LABELS[nodeKind(node)]} {n + 1}
          </legend>
          <div className="flex items-end gap-2">
            <Field id={`${blockId}-node-${n}-kind`} label="Kind">
              <Select id={`${blockId}-node-${n}-kind`} value={nodeKind(node)} disabled={readOnly} onChange={(e) => onChange(changeNodeKind(nodes, n, e.target.value as keyof typeof KIND_LABELS))}>
                {Object.entries(KIND_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            {readOnly || nodes.length <= 1 ? null : (
              <Button variant="ghost" aria-label={`Remove ${KIND_LABELS[nodeKind(node)].toLowerCase()} ${n + 1}`} onClick={() => onChange(removeNode(nodes, n))}>
                <Trash2 aria-hidden="true" className="h-4 w-4" />
              </Button>
            )}
          </div>
          {node.type === "paragraph" ? (
            <Runs blockId={blockId} nodes={nodes} at={{ node: n, item: null }} onChange={onChange} />
          ) : (
            node.items.map((_, i) => (
              <div key={i} className="space-y-1 border-l-2 border-slate-200 pl-2">
                <p className="text-xs font-medium text-slate-700">Item {i + 1}</p>
                <Runs blockId={blockId} nodes={nodes} at={{ node: n, item: i }} onChange={onChange} />
                {readOnly || node.items.length <= 1 ? null : (
                  <Button variant="ghost" className="text-xs" onClick={() => onChange(removeListItem(nodes, n, i))}>
                    Remove item {i + 1}
                  </Button>
                )}
              </div>
            ))
          )}
          {readOnly || node.type !== "list" ? null : (
            <Button variant="secondary" className="text-xs" onClick={() => onChange(addListItem(nodes, n))}>
              Add item
            </Button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" className="text-xs" onClick={() => onChange(addNode(nodes, "paragraph"))}>
            Add paragraph
          </Button>
          <Button variant="secondary" className="text-xs" onClick={() => onChange(addNode(nodes, "bulleted"))}>
            Add list
          </Button>
        </div>
      )}
    </div>
  );
}

function Runs({ blockId, nodes, at, onChange }: { blockId: string; nodes: RichNode[]; at: RunsAt; onChange: Props["onChange"] }) {
  const { readOnly } = useDesigner();
  const runs = runsAt(nodes, at);
  const prefix = `${blockId}-n${at.node}-i${at.item ?? "p"}`;
  const change = (r: number, update: (run: RichRun) => RichRun, field?: string) => onChange(updateRun(nodes, at, r, update), field);
  return (
    <div className="space-y-2">
      {runs.map((run, r) => (
        <div key={r} className="space-y-1 rounded bg-slate-50 p-2">
          <TokenInput id={`${prefix}-r${r}`} label={`Text ${r + 1}`} value={run.text} onChange={(text) => change(r, (current) => ({ ...current, text }), `${prefix}-r${r}`)} />
          {run.type === "link" ? (
            <Field id={`${prefix}-r${r}-href`} label={`Link of text ${r + 1}`}>
              <Input id={`${prefix}-r${r}-href`} value={run.href} disabled={readOnly} onChange={(e) => change(r, (current) => ({ ...current, href: e.target.value }), `${prefix}-r${r}-href`)} />
            </Field>
          ) : null}
          {readOnly ? null : (
            <div role="group" aria-label={`Format text ${r + 1}`} className="flex gap-1">
              <MarkButton label="Bold" pressed={Boolean(run.bold)} onClick={() => change(r, (current) => toggleMark(current, "bold"))}>
                <Bold aria-hidden="true" className="h-4 w-4" />
              </MarkButton>
              <MarkButton label="Italic" pressed={Boolean(run.italic)} onClick={() => change(r, (current) => toggleMark(current, "italic"))}>
                <Italic aria-hidden="true" className="h-4 w-4" />
              </MarkButton>
              <MarkButton label="Link" pressed={run.type === "link"} onClick={() => change(r, (current) => toggleLink(current))}>
                <Link2 aria-hidden="true" className="h-4 w-4" />
              </MarkButton>
              <Button variant="ghost" className="px-2" aria-label={`Remove text ${r + 1}`} onClick={() => onChange(removeRun(nodes, at, r))}>
                <Trash2 aria-hidden="true" className="h-4 w-4" />
              </Button>
            </div>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <Button variant="ghost" className="text-xs" onClick={() => onChange(addRun(nodes, at))}>
          Add text
        </Button>
      )}
    </div>
  );
}

function MarkButton({ label, pressed, onClick, children }: { label: string; pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded border px-2 py-1 ${pressed ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
    >
      {children}
    </button>
  );
}
