"use client";

import { Redo2, Undo2 } from "lucide-react";
import Link from "next/link";
import type { EmailDocument } from "@/server/email/document";
import { Button } from "../../ui/button";
import { formatTime } from "../format";
import { canRedo, canUndo, type EditorState } from "../editor/state";
import { useDesigner } from "./designer-context";
import type { SaveStatus } from "./use-autosave";

export type DesignerTab = "design" | "preview";

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case "saved":
      return status.at ? `${status.manual ? "Version saved" : "Saved"} · ${formatTime(status.at)}` : "All changes saved";
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "error":
      return `Not saved: ${status.message}`;
  }
}

type Props = {
  name: string;
  state: EditorState;
  document: EmailDocument;
  status: SaveStatus;
  tab: DesignerTab;
  onTab: (tab: DesignerTab) => void;
  onSaveVersion: () => Promise<boolean>;
};

export function DesignerToolbar({ name, state, status, tab, onTab, onSaveVersion, document }: Props) {
  const { dispatch, readOnly } = useDesigner();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="min-w-0">
        <p className="text-xs text-slate-600">
          <Link href="/emails" className="text-brand-700 hover:underline">Emails</Link> /
        </p>
        <h1 className="truncate text-xl font-semibold text-slate-900">{name}</h1>
        <p className="truncate text-xs text-slate-600">Subject: {document.subject || "(none yet)"}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="View" className="flex rounded-md border border-slate-300 p-0.5">
          {(["design", "preview"] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={tab === value}
              onClick={() => onTab(value)}
              className={`rounded px-3 py-1.5 text-sm font-medium ${tab === value ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {value === "design" ? "Design" : "Preview"}
            </button>
          ))}
        </div>
        {readOnly ? (
          <span className="text-sm text-slate-700">Read only: your role can preview but not edit.</span>
        ) : (
          <>
            <Button variant="ghost" aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" disabled={!canUndo(state)} onClick={() => dispatch({ type: "undo" })}>
              <Undo2 aria-hidden="true" className="h-4 w-4" />
            </Button>
            <Button variant="ghost" aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo(state)} onClick={() => dispatch({ type: "redo" })}>
              <Redo2 aria-hidden="true" className="h-4 w-4" />
            </Button>
            <p role="status" aria-live="polite" className={`min-w-40 text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-700"}`}>
              {statusText(status)}
            </p>
            {status.kind === "error" && status.conflict ? (
              <Button variant="secondary" onClick={() => window.location.reload()}>
                Reload
              </Button>
            ) : null}
            <Button onClick={() => void onSaveVersion()} disabled={status.kind === "saving"}>
              Save version
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
