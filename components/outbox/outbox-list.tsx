"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Card } from "../ui/card";
import { DataTable } from "../ui/table";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** Captured test emails of the workspace, newest first; refreshes while the page is open. */
export function OutboxList() {
  const trpc = useTRPC();
  const messages = useQuery({ ...trpc.outbox.list.queryOptions(), refetchInterval: 5_000 });
  return (
    <Card title="Captured messages" description="Test emails sent while no SMTP server is configured (SMTP_URL) land here instead of a real inbox.">
      {messages.isPending ? <p className="text-sm text-slate-600">Loading the outbox…</p> : null}
      {messages.error ? <Alert>{errorMessage(messages.error)}</Alert> : null}
      {messages.data ? (
        <DataTable
          caption="Captured messages, newest first"
          rows={messages.data}
          rowKey={(message) => message.id}
          empty={<p className="text-sm text-slate-600">No messages yet. Send a test from an email&apos;s designer and it shows up here.</p>}
          columns={[
            {
              key: "subject",
              header: "Subject",
              className: "font-medium",
              cell: (message) => (
                <Link href={`/emails/outbox/${message.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {message.subject || "(no subject)"}
                </Link>
              ),
            },
            { key: "to", header: "To", className: "text-slate-700", cell: (message) => message.to },
            { key: "from", header: "From", className: "text-slate-700", cell: (message) => message.from },
            { key: "received", header: "Received", className: "text-slate-700", cell: (message) => dateFormat.format(message.receivedAt) },
          ]}
        />
      ) : null}
    </Card>
  );
}
