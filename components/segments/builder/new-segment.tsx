"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";
import { SegmentEditor, type SegmentDraft } from "./segment-editor";

const EMPTY: SegmentDraft = { name: "", description: "", definition: { version: 1, root: { kind: "group", op: "and", children: [] } } };

/** /segments/new: an empty segment, or a template's copy; saving creates it and opens its page. */
export function NewSegment({ template, readOnly }: { template: SegmentDraft | null; readOnly: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.segments.create.mutationOptions());
  return (
    <SegmentEditor
      initial={template ?? EMPTY}
      readOnly={readOnly}
      saving={create.isPending}
      saveError={create.error}
      onSave={async (draft) => {
        const { id } = await create.mutateAsync({ name: draft.name, description: draft.description, definition: draft.definition });
        router.push(`/segments/${id}`);
      }}
    />
  );
}
