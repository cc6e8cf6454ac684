"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { TemplateView } from "@/server/email/templates/get-template";
import { Button } from "../../ui/button";
import { Alert } from "../../ui/card";
import { formatDateTime } from "../format";
import { useDesigner } from "./designer-context";

const KIND_LABELS: Record<string, string> = { create: "Created", autosave: "Autosave", manual: "Saved version", restore: "Restored" };

/** Version history, newest first, with restore (a restore is itself a new version). */
export function VersionsPanel({ templateId, onRestored }: { templateId: string; onRestored: (template: TemplateView) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { readOnly } = useDesigner();
  const versions = useQuery(trpc.emails.versions.queryOptions({ id: templateId }));
  const restore = useMutation(
    trpc.emails.restore.mutationOptions({
      onSuccess: async () => {
        const template = await queryClient.fetchQuery({ ...trpc.emails.get.queryOptions({ id: templateId }), staleTime: 0 });
        onRestored(template);
        await queryClient.invalidateQueries({ queryKey: trpc.emails.versions.queryKey({ id: templateId }) });
      },
    }),
  );
  const rows = versions.data ?? [];
  return (
    <section aria-labelledby="versions-title" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 id="versions-title" className="text-sm font-semibold text-slate-900">
        Version history
      </h2>
      {versions.error ? <Alert>{errorMessage(versions.error)}</Alert> : null}
      {restore.error ? <Alert>{errorMessage(restore.error)}</Alert> : null}
      <ol className="mt-2 max-h-72 space-y-1 overflow-y-auto">
        {rows.map((row, index) => (
          <li key={row.version} className="flex items-center justify-between gap-2 text-sm">
            <span>
              <span className="font-medium text-slate-900">v{row.version}</span> · {KIND_LABELS[row.kind] ?? row.kind}
              <span className="block text-xs text-slate-700">
                {formatDateTime(row.createdAt)}
                {row.authorName ? ` · ${row.authorName}` : ""}
              </span>
            </span>
            {readOnly || index === 0 ? (
              index === 0 ? <span className="text-xs text-slate-700">Current</span> : null
            ) : (
              <Button variant="secondary" className="px-2 py-1 text-xs" disabled={restore.isPending} onClick={() => restore.mutate({ id: templateId, version: row.version })} aria-label={`Restore version ${row.version}`}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
