"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import type { ContactFiltersInput as ContactFilters, ContactSort } from "@/server/audience/contacts/schemas";
import { Button } from "../ui/button";
import { Alert, Badge, Card } from "../ui/card";
import { DataTable, type Column } from "../ui/table";
import { AudienceFilters } from "./audience-filters";
import { CONSENT_STATE_LABELS, CONSENT_STATE_TONES, displayName, formatDate, formatDateTime } from "./format";

const PAGE_SIZE = 50;
const numbers = new Intl.NumberFormat("en-US");

export function AudienceList() {
  const trpc = useTRPC();
  const router = useRouter();
  const [filters, setFilters] = useState<ContactFilters>({});
  const [sort, setSort] = useState<ContactSort>("last_seen");
  // Cursors of the pages walked so far: "previous" pops one, no backwards query needed.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const pageIndex = cursors.length - 1;
  const changeFilters = useCallback((next: ContactFilters) => {
    setFilters(next);
    setCursors([null]);
  }, []);
  const changeSort = (next: ContactSort) => {
    setSort(next);
    setCursors([null]);
  };

  const list = useQuery({
    ...trpc.contacts.list.queryOptions({ ...filters, sort, cursor, limit: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const count = useQuery(trpc.contacts.count.queryOptions(filters));
  const rows = list.data?.rows ?? [];
  const first = pageIndex * PAGE_SIZE + 1;
  const range = rows.length > 0 ? `${numbers.format(first)}–${numbers.format(first + rows.length - 1)}` : "0";
  const total = count.data ? `${numbers.format(count.data.count)}${count.data.capped ? "+" : ""}` : "…";
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-4">
      <AudienceFilters filters={filters} onChange={changeFilters} />
      <Card>
        {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            {list.isPending ? "Loading contacts…" : `Showing ${range} of ${total} ${count.data?.count === 1 && !count.data.capped ? "contact" : "contacts"}`}
          </p>
          <Pagination
            canGoBack={pageIndex > 0}
            canGoForward={Boolean(list.data?.nextCursor)}
            busy={list.isFetching}
            onBack={() => setCursors((c) => c.slice(0, -1))}
            onForward={() => list.data?.nextCursor && setCursors((c) => [...c, list.data.nextCursor])}
          />
        </div>
        {!list.isPending && rows.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-700">
            {filtered ? (
              <p>No contact matches these filters.</p>
            ) : (
              <>
                <p className="font-medium text-slate-900">No contacts yet.</p>
                <p className="mt-1">
                  <Link href="/audience/import" className="text-brand-700 underline">Import a CSV</Link> or send events through the
                  ingest API to fill your audience.
                </p>
              </>
            )}
          </div>
        ) : null}
        {rows.length > 0 ? (
          <DataTable
            caption="Contacts"
            scrollLabel="Contacts, scrollable"
            rows={rows}
            rowKey={(row) => row.id}
            rowProps={(row) => ({ className: "cursor-pointer hover:bg-slate-50", onClick: () => router.push(`/audience/${row.id}`) })}
            columns={[
              {
                ...sortableColumn("email", "Email", sort, changeSort),
                cell: (row) => (
                  <Link href={`/audience/${row.id}`} className="font-medium text-brand-700 hover:underline" onClick={(e) => e.stopPropagation()}>
                    {row.email ?? <span className="text-slate-600">no email</span>}
                  </Link>
                ),
              },
              { key: "name", header: "Name", cell: (row) => [row.firstName, row.lastName].filter(Boolean).join(" ") || displayName(row) },
              { key: "location", header: "Location", className: "text-slate-700", cell: (row) => [row.city, row.country].filter(Boolean).join(", ") || "—" },
              {
                key: "consent",
                header: "Email consent",
                cell: (row) => (
                  <>
                    {row.emailConsent ? (
                      <Badge tone={CONSENT_STATE_TONES[row.emailConsent]}>{CONSENT_STATE_LABELS[row.emailConsent]}</Badge>
                    ) : (
                      <span className="text-slate-600">none</span>
                    )}{" "}
                    {row.suppressed ? <Badge tone="red">Suppressed</Badge> : null}
                  </>
                ),
              },
              {
                ...sortableColumn("last_seen", "Last seen", sort, changeSort),
                className: "whitespace-nowrap text-slate-700",
                cell: (row) => (row.lastSeenAt ? formatDateTime(row.lastSeenAt) : "never"),
              },
              {
                ...sortableColumn("created", "Created", sort, changeSort),
                // The header keeps the gap the hand-written table gave it, so the columns stay where they were.
                headerClassName: "pr-4",
                className: "whitespace-nowrap text-slate-700",
                cell: (row) => formatDate(row.createdAt),
              },
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}

/** A column the list can be sorted by: its header is a button, and it tells screen readers when it is the sort. */
function sortableColumn(
  sort: ContactSort,
  label: string,
  current: ContactSort,
  onSort: (sort: ContactSort) => void,
): Pick<Column<unknown>, "key" | "sort" | "header"> {
  const active = sort === current;
  const direction = sort === "email" ? "ascending" : "descending";
  return {
    key: sort,
    sort: active ? direction : undefined,
    header: (
      <button
        type="button"
        className={`inline-flex items-center gap-1 uppercase ${active ? "text-slate-900 underline" : "hover:text-slate-900"}`}
        onClick={() => onSort(sort)}
      >
        {label}
        <span className="sr-only">{active ? `, sorted ${direction}` : ", sort by this column"}</span>
        <span aria-hidden="true">{active ? (sort === "email" ? "↑" : "↓") : "↕"}</span>
      </button>
    ),
  };
}

function Pagination(props: { canGoBack: boolean; canGoForward: boolean; busy: boolean; onBack: () => void; onForward: () => void }) {
  return (
    <nav aria-label="Pages of contacts" className="flex gap-2">
      <Button variant="secondary" disabled={!props.canGoBack || props.busy} onClick={props.onBack}>
        <ChevronLeft aria-hidden="true" className="h-4 w-4" /> Previous
      </Button>
      <Button variant="secondary" disabled={!props.canGoForward || props.busy} onClick={props.onForward}>
        Next <ChevronRight aria-hidden="true" className="h-4 w-4" />
      </Button>
    </nav>
  );
}
