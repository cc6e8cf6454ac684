"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useReducer, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { TemplateView } from "@/server/email/templates/get-template";
import { groupIssuesByBlock } from "../editor/issues";
import { normalizeDraft } from "../editor/normalize";
import { editorReducer, initialEditorState } from "../editor/state";
import { BlockPanel } from "../panel/block-panel";
import { DesignCanvas } from "./canvas";
import { DesignerProvider } from "./designer-context";
import { EmailPanel } from "./email-panel";
import { IssuesPanel } from "./issues-panel";
import { DesignerToolbar, type DesignerTab } from "./toolbar";
import { useAutosave } from "./use-autosave";

const PreviewPane = dynamic(() => import("../preview/preview-pane").then((m) => m.PreviewPane), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700">Loading the preview…</p>,
});

function isUndo(event: KeyboardEvent) {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "z";
}

export function DesignerWorkspace({ template }: { template: TemplateView }) {
  const trpc = useTRPC();
  const readOnly = !template.canEdit;
  const [state, dispatch] = useReducer(editorReducer, template.document, (draft) => initialEditorState(normalizeDraft(draft)));
  const autosave = useAutosave({ templateId: template.id, document: state.document, version: template.version, issues: template.issues, enabled: !readOnly });
  const [tab, setTab] = useState<DesignerTab>("design");
  const fields = useQuery(trpc.segments.fields.queryOptions());
  const issuesByBlock = useMemo(() => groupIssuesByBlock(autosave.issues), [autosave.issues]);
  const attributeKeys = useMemo(() => fields.data?.customAttributes.map((attribute) => attribute.key) ?? [], [fields.data]);
  const context = useMemo(() => ({ dispatch, readOnly, issuesByBlock, attributeKeys }), [readOnly, issuesByBlock, attributeKeys]);

  function onKeyDown(event: KeyboardEvent) {
    if (readOnly || tab !== "design" || !isUndo(event) && !(event.ctrlKey && event.key.toLowerCase() === "y")) return;
    event.preventDefault();
    dispatch({ type: event.shiftKey || event.key.toLowerCase() === "y" ? "redo" : "undo" });
  }

  // From the issues panel: select the block and move focus to it, even when it was selected already.
  function showBlock(id: string | null) {
    dispatch({ type: "select", id });
    if (id) requestAnimationFrame(() => window.document.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`)?.focus());
  }

  const selected = state.selectedId;
  return (
    <DesignerProvider value={context}>
      <div onKeyDown={onKeyDown} className="space-y-4">
        <DesignerToolbar
          name={template.name}
          state={state}
          status={autosave.status}
          tab={tab}
          onTab={setTab}
          onSaveVersion={autosave.saveVersion}
          document={state.document}
        />
        {tab === "design" ? (
          <div className={`grid gap-4 ${readOnly ? "lg:grid-cols-[minmax(0,1fr)_22rem]" : "lg:grid-cols-[minmax(0,1fr)_24rem]"}`}>
            <DesignCanvas document={state.document} selectedId={selected} />
            <aside aria-label="Email settings and selected block" className="space-y-4">
              <IssuesPanel issues={autosave.issues} onSelect={showBlock} />
              {selected ? (
                <BlockPanel document={state.document} blockId={selected} fields={fields.data} />
              ) : (
                <EmailPanel
                  templateId={template.id}
                  document={state.document}
                  onRestored={(restored) => {
                    const document = normalizeDraft(restored.document);
                    autosave.adopt(document, restored.version, restored.issues);
                    dispatch({ type: "replace", document });
                  }}
                />
              )}
            </aside>
          </div>
        ) : (
          <PreviewPane templateId={template.id} document={state.document} canSend={!readOnly} />
        )}
      </div>
    </DesignerProvider>
  );
}
