"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { fieldErrorOf } from "@/components/trpc/field-error";
import type { SegmentDefinition } from "@/server/segments/definition";
import { Button } from "../../ui/button";
import { Alert } from "../../ui/card";
import { Field, Input } from "../../ui/field";
import { definitionFromTree, treeFromDefinition, type BuilderTree } from "./builder-tree";
import { issueFromPreviewError } from "./definition-issues";
import { PreviewPanel, SegmentSummary } from "./preview-panel";
import { SegmentBuilder } from "./segment-builder";
import { nameSegmentsIn } from "./segment-choices";
import { useSavedSegments } from "./segment-picker";
import { useSegmentPreview } from "./use-segment-preview";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

export type SegmentDraft = { name: string; description: string; definition: SegmentDefinition };

type SaveError = { message: string; data?: { fieldErrors?: Record<string, string[] | undefined>; field?: string | null } | null } | null;

/**
 * Name, description, the builder and the live preview of one segment. Saving is the caller's
 * (create or update); a definition error from the save lands on the condition at fault.
 */
export function SegmentEditor({
  segmentId = null,
  initial,
  readOnly,
  saving,
  saveError,
  onSave,
  actions,
}: {
  /** The saved segment being edited; null (the default) for a new one. */
  segmentId?: string | null;
  initial: SegmentDraft;
  readOnly: boolean;
  saving: boolean;
  saveError: SaveError;
  /** Called with the draft; resolves once saved, after which nothing is unsaved any more. */
  onSave: (draft: SegmentDraft) => Promise<unknown>;
  actions?: ReactNode;
}) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.segments.fields.queryOptions(undefined, { staleTime: 60_000 }));
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [tree, setTree] = useState<BuilderTree>(() => treeFromDefinition(initial.definition));
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const edit = useCallback((change: (tree: BuilderTree) => BuilderTree) => setTree(change), []);
  const preview = useSegmentPreview(tree, segmentId);
  const { nameOf } = useSavedSegments();

  const draft = useMemo<SegmentDraft>(() => ({ name, description, definition: definitionFromTree(tree) }), [name, description, tree]);
  const dirty = !readOnly && JSON.stringify(draft) !== saved;
  useUnsavedChangesWarning(dirty && !saving);

  const saveIssue = useMemo(() => issueFromPreviewError(tree, saveError), [tree, saveError]);
  const issue = useMemo(() => {
    const found = preview.issue ?? saveIssue;
    return found ? { ...found, message: nameSegmentsIn(found.message, nameOf) } : null;
  }, [preview.issue, saveIssue, nameOf]);
  const nameError = fieldErrorOf(saveError, "name");
  const descriptionError = fieldErrorOf(saveError, "description");
  const otherSaveError = saveError && !nameError && !descriptionError && !saveIssue ? saveError.message : null;

  const save = async () => {
    const snapshot = JSON.stringify(draft);
    try {
      await onSave(draft);
      setSaved(snapshot);
    } catch {
      // The mutation's error is shown through saveError.
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-4">
        {readOnly ? <Alert tone="info">Read only — managers can view segments.</Alert> : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="segment-name" label="Name" error={nameError}>
            <Input
              id="segment-name"
              value={name}
              disabled={readOnly}
              maxLength={120}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "segment-name-error" : undefined}
              onChange={(event) => setName(event.target.value)}
            />
          </Field>
          <Field id="segment-description" label="Description (optional)" error={descriptionError}>
            <Input
              id="segment-description"
              value={description}
              disabled={readOnly}
              maxLength={1000}
              aria-invalid={descriptionError ? true : undefined}
              aria-describedby={descriptionError ? "segment-description-error" : undefined}
              onChange={(event) => setDescription(event.target.value)}
            />
          </Field>
        </div>
        <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600">In words</h2>
          <SegmentSummary preview={preview} />
        </div>
        {fields.error ? <Alert>The fields of this workspace could not be loaded; you can still type field and event names.</Alert> : null}
        <SegmentBuilder tree={tree} onChange={edit} fields={fields.data} readOnly={readOnly} issue={issue} segmentId={segmentId} />
        {otherSaveError ? <Alert>{otherSaveError}</Alert> : null}
        {!readOnly ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button disabled={saving} onClick={() => void save()}>
              {saving ? "Saving…" : "Save segment"}
            </Button>
            {actions}
            {dirty ? <span className="text-sm text-slate-600">Unsaved changes</span> : null}
          </div>
        ) : (
          actions
        )}
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <PreviewPanel preview={preview} issue={issue} />
      </div>
    </div>
  );
}
