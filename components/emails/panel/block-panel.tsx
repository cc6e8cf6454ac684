"use client";

import { ArrowDown, ArrowUp, Copy, Trash2, X } from "lucide-react";
import dynamic from "next/dynamic";
import type { EmailDocument } from "@/server/email/document";
import type { WorkspaceFields } from "@/server/segments/workspace-fields";
import { Button } from "../../ui/button";
import { paletteLabel } from "../editor/blocks";
import { locate } from "../editor/document-ops";
import { useDesigner } from "../designer/designer-context";
import { ColumnMoves } from "./column-moves";
import { ContentFields } from "./content-fields";
import { StyleSettings } from "./style-settings";
import { useBlockUpdate } from "./use-block-update";

// The segment condition editor is only needed once a block is selected.
const ShowIfEditor = dynamic(() => import("./show-if-editor").then((m) => m.ShowIfEditor), { loading: () => <p className="text-sm text-slate-700">Loading conditions…</p> });

/** The side panel for the selected block: content, style, show-if rule and block actions. */
export function BlockPanel({ document, blockId, fields }: { document: EmailDocument; blockId: string; fields: WorkspaceFields | undefined }) {
  const { dispatch, readOnly, issuesByBlock } = useDesigner();
  const update = useBlockUpdate(blockId);
  const found = locate(document, blockId);
  if (!found) return null;
  const { block } = found;
  const label = paletteLabel(block.type);
  const issues = issuesByBlock.get(blockId) ?? [];
  return (
    <section aria-labelledby="block-panel-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="block-panel-title" className="text-base font-semibold text-slate-900">
          {label} block
        </h2>
        <div className="flex gap-1">
          {readOnly ? null : (
            <>
              <Button variant="ghost" className="px-2" aria-label="Move up" onClick={() => dispatch({ type: "moveBy", id: blockId, delta: -1 })}>
                <ArrowUp aria-hidden="true" className="h-4 w-4" />
              </Button>
              <Button variant="ghost" className="px-2" aria-label="Move down" onClick={() => dispatch({ type: "moveBy", id: blockId, delta: 1 })}>
                <ArrowDown aria-hidden="true" className="h-4 w-4" />
              </Button>
              <Button variant="ghost" className="px-2" aria-label="Duplicate block" onClick={() => dispatch({ type: "duplicate", id: blockId })}>
                <Copy aria-hidden="true" className="h-4 w-4" />
              </Button>
              <Button variant="ghost" className="px-2 text-red-700" aria-label="Delete block" onClick={() => dispatch({ type: "remove", id: blockId })}>
                <Trash2 aria-hidden="true" className="h-4 w-4" />
              </Button>
            </>
          )}
          <Button variant="ghost" className="px-2" aria-label="Close block settings" onClick={() => dispatch({ type: "select", id: null })}>
            <X aria-hidden="true" className="h-4 w-4" />
          </Button>
        </div>
      </header>
      <div className="space-y-5 px-4 py-4">
        {issues.length > 0 ? (
          <ul aria-label="Issues of this block" className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {issues.map((issue, i) => (
              <li key={i}>
                {issue.message}
                {issue.line !== undefined ? ` (line ${issue.line}, column ${issue.column ?? 1})` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {readOnly ? null : <ColumnMoves document={document} blockId={blockId} />}
        <fieldset disabled={readOnly} className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Content</legend>
          <ContentFields block={block} />
        </fieldset>
        <details className="rounded-md border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">Style and devices</summary>
          <div className="pt-3">
            <StyleSettings block={block} />
          </div>
        </details>
        {block.type === "footer" ? (
          <p className="text-sm text-slate-700">The footer is shown to everyone: it carries the unsubscribe link.</p>
        ) : (
          <ShowIfEditor blockId={blockId} showIf={block.showIf} fields={fields} onChange={(showIf) => update({ showIf }, "showIf")} />
        )}
      </div>
    </section>
  );
}
