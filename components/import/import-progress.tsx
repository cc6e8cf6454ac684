import type { ImportDetail } from "@/server/audience/import";
import { Alert, Badge, Card } from "../ui/card";
import { DataTable } from "../ui/table";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";

const plural = (count: number, word: string) => `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;

/** Step 3: the import running in the worker, then its outcome and error file. */
export function ImportProgress({ detail }: { detail: ImportDetail }) {
  const finished = detail.status === "succeeded" || detail.status === "failed";
  return (
    <Card title="3. Import" description={`${detail.fileName} · ${detail.kind}`} actions={<StatusBadge status={detail.status} />}>
      <div className="space-y-3">
        <ProgressBar label="Import progress" percent={detail.percent} failed={detail.status === "failed"} />
        <p className="text-sm tabular-nums text-slate-700" aria-live="polite">
          {detail.percent ?? 0}% · {plural(detail.rowsProcessed, "row")} read
          {detail.rowsTotal && !finished ? ` of about ${detail.rowsTotal.toLocaleString("en")}` : ""}
        </p>
        <div className="flex flex-wrap gap-2">
          <Badge tone="green">{plural(detail.rowsImported, "row")} imported</Badge>
          <Badge tone={detail.rowsFailed > 0 ? "red" : "slate"}>{plural(detail.rowsFailed, "row")} failed</Badge>
        </div>
        {detail.error ? <Alert>{detail.error}</Alert> : null}
        {detail.rowsFailed > 0 ? (
          <div className="space-y-2">
            <DataTable
              look="quiet"
              density="tight"
              caption="First rows skipped"
              captionClassName="text-left text-sm font-medium text-slate-800"
              rows={detail.errors}
              rowKey={(error) => error.line}
              columns={[
                { key: "line", header: "Line", className: "tabular-nums", cell: (error) => error.line },
                { key: "column", header: "Column", cell: (error) => error.field ?? "—" },
                { key: "reason", header: "Reason", cell: (error) => error.reason },
              ]}
            />
            <a className="inline-block text-sm font-medium text-brand-700 underline" href={`/api/imports/${detail.id}/errors.csv`} download>
              Download the error file (CSV)
            </a>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
