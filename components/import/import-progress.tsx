import type { ImportDetail } from "@/server/audience/import";
import { Alert, Badge, Card } from "../ui/card";
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
            <table className="min-w-full text-sm">
              <caption className="text-left text-sm font-medium text-slate-800">First rows skipped</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 pr-4 font-medium">Line</th>
                  <th scope="col" className="py-1 pr-4 font-medium">Column</th>
                  <th scope="col" className="py-1 font-medium">Reason</th>
                </tr>
              </thead>
              <tbody>
                {detail.errors.map((error) => (
                  <tr key={error.line} className="border-t border-slate-100">
                    <td className="py-1 pr-4 tabular-nums">{error.line}</td>
                    <td className="py-1 pr-4">{error.field ?? "—"}</td>
                    <td className="py-1">{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <a className="inline-block text-sm font-medium text-brand-700 underline" href={`/api/imports/${detail.id}/errors.csv`} download>
              Download the error file (CSV)
            </a>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
