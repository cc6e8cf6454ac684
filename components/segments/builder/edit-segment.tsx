"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, PageHeader } from "../../ui/card";
import { SegmentEditor } from "./segment-editor";

/** /segments/[id]/edit: the saved definition in the builder; managers see it read-only. */
export function EditSegment({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const segment = useQuery(trpc.segments.get.queryOptions({ id: segmentId }, { staleTime: Number.POSITIVE_INFINITY }));
  const update = useMutation(trpc.segments.update.mutationOptions());

  if (segment.error) return <Alert>{errorMessage(segment.error)}</Alert>;
  if (!segment.data) return <p className="text-sm text-slate-700">Loading the segment…</p>;
  const { data } = segment;
  const readOnly = !data.canEdit;
  return (
    <>
      <PageHeader title={`${readOnly ? "View" : "Edit"} segment: ${data.name}`} description={`Version ${data.version}.`}>
        <Link href={`/segments/${data.id}`} className="text-sm font-medium text-brand-700 underline">
          Back to the segment
        </Link>
      </PageHeader>
      <SegmentEditor
        key={data.version}
        segmentId={data.id}
        initial={{ name: data.name, description: data.description ?? "", definition: data.definition }}
        readOnly={readOnly}
        saving={update.isPending}
        saveError={update.error}
        onSave={async (draft) => {
          await update.mutateAsync({
            id: data.id,
            name: draft.name,
            description: draft.description,
            definition: draft.definition,
            expectedVersion: data.version,
          });
          await queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() });
          router.push(`/segments/${data.id}`);
        }}
      />
    </>
  );
}
