"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { EmailDocument } from "@/server/email/document";
import type { TemplateIssue } from "@/server/email/templates/template-issues";

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus =
  | { kind: "saved"; at: Date | null; manual: boolean }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string; conflict: boolean };

type Options = { templateId: string; document: EmailDocument; version: number; issues: TemplateIssue[]; enabled: boolean };

/**
 * Saves the document ~1.5 s after the last edit, one save at a time (each answers the version
 * the next must name as its base), and "Save version" on demand. Issues come back with every
 * save, so the issues panel follows the document as it is typed.
 */
export function useAutosave({ templateId, document, version, issues: initialIssues, enabled }: Options) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutateAsync: saveDraft } = useMutation(trpc.emails.save.mutationOptions());
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: null, manual: false });
  const [issues, setIssues] = useState(initialIssues);
  const [savedDocument, setSavedDocument] = useState(document);
  const baseVersion = useRef(version);
  const saved = useRef(document);
  const latest = useRef(document);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    latest.current = document;
  }, [document]);

  const persist = useCallback(
    (kind: "autosave" | "manual") => {
      const run = async (): Promise<boolean> => {
        const draft = latest.current;
        if (kind === "autosave" && draft === saved.current) return true;
        setStatus({ kind: "saving" });
        try {
          const result = await saveDraft({ id: templateId, document: draft, baseVersion: baseVersion.current, kind });
          baseVersion.current = result.version;
          saved.current = draft;
          setSavedDocument(draft);
          setIssues(result.issues);
          setStatus({ kind: "saved", at: new Date(), manual: kind === "manual" });
          void queryClient.invalidateQueries({ queryKey: trpc.emails.versions.queryKey({ id: templateId }) });
          return true;
        } catch (error) {
          const conflict = error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "CONFLICT";
          setStatus({ kind: "error", message: errorMessage(error), conflict });
          return false;
        }
      };
      const next = queue.current.then(run);
      queue.current = next;
      return next;
    },
    [queryClient, saveDraft, templateId, trpc],
  );

  useEffect(() => {
    if (!enabled || document === saved.current) return;
    setStatus((current) => (current.kind === "dirty" || (current.kind === "error" && current.conflict) ? current : { kind: "dirty" }));
    const timer = setTimeout(() => {
      void persist("autosave");
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document, enabled, persist]);

  /** After a restore: the server's document and version become the saved state. */
  const adopt = useCallback((restored: EmailDocument, restoredVersion: number, restoredIssues: TemplateIssue[]) => {
    baseVersion.current = restoredVersion;
    saved.current = restored;
    latest.current = restored;
    setSavedDocument(restored);
    setIssues(restoredIssues);
    setStatus({ kind: "saved", at: new Date(), manual: false });
  }, []);

  const blocked = status.kind === "error" && status.conflict;
  return {
    status: status.kind === "saved" && savedDocument !== document ? ({ kind: "dirty" } as const) : status,
    issues,
    saveVersion: () => persist("manual"),
    adopt,
    baseVersion: () => baseVersion.current,
    blocked,
  };
}
