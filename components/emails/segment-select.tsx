"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Field, Select } from "../ui/field";

/** Picks a saved segment of the workspace, or "All contacts" (the empty value). */
export function SegmentSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (segmentId: string) => void }) {
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  return (
    <Field id={id} label={label}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All contacts</option>
        {(segments.data ?? []).map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
