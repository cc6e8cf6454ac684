"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Badge, Card } from "../../ui/card";
import { DataTable } from "../../ui/table";
import { formatDateTime } from "../format";

export function EmailList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.emails.list.queryOptions());
  return (
    <Card title="Emails">
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      {list.isPending ? <p className="text-sm text-slate-700">Loading emails…</p> : null}
      {list.data ? (
        <DataTable
          caption="Email templates"
          scrollLabel="Emails, scrollable"
          rows={list.data}
          rowKey={(template) => template.id}
          empty={
            <p className="rounded-md border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-700">
              No emails yet. Start one from a starter template or from a blank page.
            </p>
          }
          columns={[
            {
              key: "name",
              header: "Name",
              cell: (template) => (
                <Link href={`/emails/${template.id}`} className="font-medium text-brand-700 hover:underline">
                  {template.name}
                </Link>
              ),
            },
            { key: "subject", header: "Subject", className: "max-w-md truncate font-mono text-xs text-slate-700", cell: (template) => template.subject },
            {
              key: "updated",
              header: "Updated",
              className: "whitespace-nowrap text-slate-700",
              cell: (template) => (
                <>
                  {formatDateTime(template.updatedAt)}
                  {template.updatedByName ? <span className="text-slate-600"> · {template.updatedByName}</span> : null}
                </>
              ),
            },
            {
              key: "issues",
              header: "Issues",
              cell: (template) => (template.hasIssues ? <Badge tone="red">Has issues</Badge> : <Badge tone="green">Ready</Badge>),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
