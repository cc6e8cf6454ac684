"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import type { SegmentTemplate } from "@/server/segments/templates";
import { errorMessage, useTRPC } from "../../trpc/provider";
import { Alert, Badge, Card } from "../../ui/card";
import { DataTable } from "../../ui/table";
import { formatCount, formatDateTime } from "./format";

type TemplateCard = Pick<SegmentTemplate, "id" | "name" | "description">;

export function SegmentList({ canEdit, templates }: { canEdit: boolean; templates: TemplateCard[] }) {
  const trpc = useTRPC();
  const segments = useQuery({
    ...trpc.segments.list.queryOptions(),
    // Follow refreshes in progress until they end.
    refetchInterval: (query) => (query.state.data?.some((segment) => segment.refreshing) ? 2000 : false),
  });
  const rows = segments.data ?? [];

  return (
    <div className="space-y-6">
      {canEdit ? (
        <Card title="Start from a template" description="One click opens the builder with the conditions filled in; adjust them and save.">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Segment templates">
            <li>
              <Link
                href="/segments/new"
                className="flex h-full flex-col rounded-md border border-dashed border-slate-300 px-4 py-3 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="flex items-center gap-1 font-medium text-slate-900">
                  <Plus aria-hidden="true" className="size-4" /> Empty segment
                </span>
                <span className="mt-1 text-sm text-slate-700">Build it condition by condition.</span>
              </Link>
            </li>
            {templates.map((template) => (
              <li key={template.id}>
                <Link
                  href={`/segments/new?template=${encodeURIComponent(template.id)}`}
                  className="flex h-full flex-col rounded-md border border-slate-200 px-4 py-3 hover:border-brand-600 hover:bg-brand-50"
                >
                  <span className="font-medium text-slate-900">{template.name}</span>
                  <span className="mt-1 text-sm text-slate-700">{template.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title="Saved segments">
        {segments.error ? <Alert>{errorMessage(segments.error)}</Alert> : null}
        {segments.isPending ? <p className="text-sm text-slate-700">Loading segments…</p> : null}
        {!segments.isPending && rows.length === 0 ? (
          <p className="text-sm text-slate-700">
            No saved segments yet.{canEdit ? " Start from a template above, or an empty segment." : ""}
          </p>
        ) : null}
        {rows.length > 0 ? (
          <DataTable
            look="ruled"
            density="loose"
            padLastColumn
            scrollLabel="Saved segments, scrollable"
            rows={rows}
            rowKey={(segment) => segment.id}
            rowProps={() => ({ className: "align-top", "data-testid": "segment-row" })}
            columns={[
              {
                key: "segment",
                header: "Segment",
                cell: (segment) => (
                  <>
                    <Link href={`/segments/${segment.id}`} className="font-medium text-brand-700 underline">
                      {segment.name}
                    </Link>
                    <p className="mt-1 max-w-xl text-slate-700">{segment.summary}</p>
                  </>
                ),
              },
              { key: "members", header: "Members", align: "right", className: "tabular-nums", cell: (segment) => formatCount(segment.memberCount) },
              {
                key: "refreshed",
                header: "Last refreshed",
                className: "whitespace-nowrap",
                cell: (segment) => (segment.refreshing ? <Badge tone="brand">Refreshing…</Badge> : formatDateTime(segment.lastRefreshedAt)),
              },
              {
                key: "usedBy",
                header: "Used by",
                cell: (segment) =>
                  segment.usedBy.length === 0 ? (
                    <span className="text-slate-600">—</span>
                  ) : (
                    <ul>
                      {segment.usedBy.map((dependent) => (
                        <li key={dependent.id}>
                          <Link href={`/segments/${dependent.id}`} className="text-brand-700 underline">
                            {dependent.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}
