"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import {
  Ban,
  CreditCard,
  Eye,
  FileText,
  MailCheck,
  MailOpen,
  MailWarning,
  MousePointerClick,
  Send,
  ShoppingBag,
  ShoppingCart,
  Sparkles,
  UserMinus,
  type LucideIcon,
} from "lucide-react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Button } from "../ui/button";
import { Alert, Card } from "../ui/card";
import { formatDateTime, formatMoney } from "./format";

const ICONS: Record<string, LucideIcon> = {
  "Page Viewed": FileText,
  "Product Viewed": Eye,
  "Product Added": ShoppingCart,
  "Checkout Started": CreditCard,
  "Order Completed": ShoppingBag,
  "Email Sent": Send,
  "Email Delivered": MailCheck,
  "Email Opened": MailOpen,
  "Email Link Clicked": MousePointerClick,
  "Email Bounced": MailWarning,
  "Email Marked as Spam": Ban,
  Unsubscribed: UserMinus,
};

export function ContactTimeline({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(
    trpc.contacts.timeline.infiniteQueryOptions({ contactId, limit: 25 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const events = timeline.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <Card title="Timeline" description="What this contact did, newest first.">
      {timeline.error ? <Alert>{errorMessage(timeline.error)}</Alert> : null}
      {timeline.isPending ? <p className="text-sm text-slate-600">Loading events…</p> : null}
      {!timeline.isPending && events.length === 0 ? <p className="text-sm text-slate-600">No events yet.</p> : null}
      <ol className="divide-y divide-slate-200" aria-label="Events">
        {events.map((event) => {
          const Icon = ICONS[event.name] ?? Sparkles;
          return (
            <li key={event.id} className="py-2 text-sm">
              <details>
                <summary className="flex cursor-pointer list-none items-center gap-3">
                  <Icon aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-600" />
                  <span className="font-medium text-slate-900">{event.name}</span>
                  {event.revenue !== null ? <span className="text-emerald-800">{formatMoney(event.revenue)}</span> : null}
                  <span className="ml-auto whitespace-nowrap text-slate-600">{formatDateTime(event.occurredAt)}</span>
                </summary>
                <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(event.properties, null, 2)}</pre>
              </details>
            </li>
          );
        })}
      </ol>
      {timeline.hasNextPage ? (
        <div className="mt-4">
          <Button variant="secondary" onClick={() => timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
            {timeline.isFetchingNextPage ? "Loading…" : "Load older events"}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
