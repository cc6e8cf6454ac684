"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Card } from "../ui/card";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** Captured test emails of the workspace, newest first; refreshes while the page is open. */
export function OutboxList() {
  const trpc = useTRPC();
  const messages = useQuery({ ...trpc.outbox.list.queryOptions(), refetchInterval: 5_000 });
  return (
    <Card title="Captured messages" description="Test emails sent while no SMTP server is configured (SMTP_URL) land here instead of a real inbox.">
      {messages.isPending ? <p className="text-sm text-slate-600">Loading the outbox…</p> : null}
      {messages.error ? <Alert>{errorMessage(messages.error)}</Alert> : null}
      {messages.data?.length === 0 ? <p className="text-sm text-slate-600">No messages yet. Send a test from an email&apos;s designer and it shows up here.</p> : null}
      {messages.data && messages.data.length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Captured messages, newest first</caption>
          <thead className="text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Subject</th>
              <th scope="col" className="py-2 pr-4">To</th>
              <th scope="col" className="py-2 pr-4">From</th>
              <th scope="col" className="py-2">Received</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {messages.data.map((message) => (
              <tr key={message.id}>
                <td className="py-2 pr-4 font-medium">
                  <Link href={`/emails/outbox/${message.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {message.subject || "(no subject)"}
                  </Link>
                </td>
                <td className="py-2 pr-4 text-slate-700">{message.to}</td>
                <td className="py-2 pr-4 text-slate-700">{message.from}</td>
                <td className="py-2 text-slate-700">{dateFormat.format(message.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
