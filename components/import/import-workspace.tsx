"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Card } from "../ui/card";
import { ImportProgress } from "./import-progress";
import { MappingForm } from "./mapping-form";
import { RecentImports } from "./recent-imports";
import { UploadCard } from "./upload-card";

/** The import flow: upload, map the columns, then watch the worker import the file. */
export function ImportWorkspace({ importId, canEdit }: { importId: string | null; canEdit: boolean }) {
  const router = useRouter();
  return (
    <div className="space-y-6">
      {canEdit ? <UploadCard key={importId ?? "new"} onUploaded={(id) => router.push(`/audience/import?id=${id}`)} /> : null}
      {importId ? <ImportSteps key={importId} id={importId} canEdit={canEdit} /> : null}
      <RecentImports />
    </div>
  );
}

function ImportSteps({ id, canEdit }: { id: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.imports.get.queryOptions({ id }),
    // Poll while the worker is on it.
    refetchInterval: (query) => (query.state.data?.status === "queued" || query.state.data?.status === "running" ? 700 : false),
  });
  if (detail.error) return <Alert>{errorMessage(detail.error)}</Alert>;
  if (!detail.data) {
    return (
      <Card>
        <p className="text-sm text-slate-600">Loading the import…</p>
      </Card>
    );
  }
  return detail.data.status === "pending" ? <MappingForm detail={detail.data} canEdit={canEdit} /> : <ImportProgress detail={detail.data} />;
}
