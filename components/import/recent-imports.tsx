"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Card } from "../ui/card";
import { StatusBadge } from "./status-badge";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "short" });

export function RecentImports() {
  const trpc = useTRPC();
  const imports = useQuery({
    ...trpc.imports.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((i) => i.status === "queued" || i.status === "running") ? 2000 : false),
  });
  return (
    <Card title="Recent imports">
      {imports.error ? <Alert>{errorMessage(imports.error)}</Alert> : null}
      {imports.data?.length === 0 ? <p className="text-sm text-slate-600">No files have been imported in this workspace yet.</p> : null}
      {imports.data && imports.data.length > 0 ? (
        <ul className="divide-y divide-slate-200" aria-label="Recent imports">
          {imports.data.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link href={`/audience/import?id=${item.id}`} className="font-medium text-brand-700 underline">
                {item.fileName}
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-slate-600">
                {item.kind} · {item.rowsImported.toLocaleString("en")} imported · {item.rowsFailed.toLocaleString("en")} failed ·{" "}
                {item.createdByName ? `${item.createdByName} · ` : ""}
                {timeFormat.format(item.createdAt)}
                <StatusBadge status={item.status} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
