"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Badge, Card } from "../../ui/card";
import { formatDateTime } from "../format";

export function EmailList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.emails.list.queryOptions());
  const templates = list.data ?? [];
  return (
    <Card title="Emails">
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      {list.isPending ? <p className="text-sm text-slate-700">Loading emails…</p> : null}
      {!list.isPending && templates.length === 0 && !list.error ? (
        <p className="rounded-md border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-700">
          No emails yet. Start one from a starter template or from a blank page.
        </p>
      ) : null}
      {templates.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Emails, scrollable">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Email templates</caption>
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Subject</th>
                <th scope="col" className="py-2 pr-4">Updated</th>
                <th scope="col" className="py-2">Issues</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {templates.map((template) => (
                <tr key={template.id}>
                  <td className="py-2 pr-4">
                    <Link href={`/emails/${template.id}`} className="font-medium text-brand-700 hover:underline">
                      {template.name}
                    </Link>
                  </td>
                  <td className="max-w-md truncate py-2 pr-4 font-mono text-xs text-slate-700">{template.subject}</td>
                  <td className="whitespace-nowrap py-2 pr-4 text-slate-700">
                    {formatDateTime(template.updatedAt)}
                    {template.updatedByName ? <span className="text-slate-600"> · {template.updatedByName}</span> : null}
                  </td>
                  <td className="py-2">{template.hasIssues ? <Badge tone="red">Has issues</Badge> : <Badge tone="green">Ready</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
