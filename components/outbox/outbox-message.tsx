"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Card, PageHeader } from "../ui/card";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** One captured message: the HTML part in a sandboxed frame (no scripts, no same-origin), the text part and every header. */
export function OutboxMessage({ messageId }: { messageId: string }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.outbox.get.queryOptions({ id: messageId }));
  const back = (
    <Link href="/emails/outbox" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      Back to the outbox
    </Link>
  );
  if (message.isPending) return <p className="text-sm text-slate-600">Loading the message…</p>;
  if (message.error) {
    return (
      <div className="space-y-4">
        <Alert>{errorMessage(message.error)}</Alert>
        {back}
      </div>
    );
  }
  const data = message.data;
  return (
    <>
      <PageHeader title={data.subject || "(no subject)"} description={`To ${data.to} · from ${data.from} · received ${dateFormat.format(data.receivedAt)}`}>
        {back}
      </PageHeader>
      <div className="space-y-6">
        <Card title="HTML part">
          {data.html ? (
            <iframe title={`HTML part of “${data.subject}”`} srcDoc={data.html} sandbox="" className="h-[720px] w-full rounded border border-slate-200 bg-white" />
          ) : (
            <p className="text-sm text-slate-600">This message has no HTML part.</p>
          )}
        </Card>
        <Card title="Text part">
          {data.text ? (
            <pre tabIndex={0} role="region" aria-label="Text part" className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">
              {data.text}
            </pre>
          ) : (
            <p className="text-sm text-slate-600">This message has no text part.</p>
          )}
        </Card>
        <Card title="Headers" description={`${data.headers.length} headers, ${Math.ceil(data.sizeBytes / 1024)} KB in all.`}>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Message headers</caption>
            <thead className="uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4">Header</th>
                <th scope="col" className="py-1">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 font-mono">
              {data.headers.map((header, index) => (
                <tr key={`${header.name}-${index}`}>
                  <th scope="row" className="py-1 pr-4 align-top font-medium text-slate-900">{header.name}</th>
                  <td className="break-all py-1 text-slate-700">{header.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
