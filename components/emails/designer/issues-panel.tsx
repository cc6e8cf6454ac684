"use client";

import type { TemplateIssue } from "@/server/email/templates/template-issues";
import { issuePlace } from "../editor/issues";

/** Every issue of the document; clicking one with a block selects and highlights that block. */
export function IssuesPanel({ issues, onSelect }: { issues: readonly TemplateIssue[]; onSelect: (blockId: string | null) => void }) {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  return (
    <section aria-labelledby="issues-title" className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h2 id="issues-title" className="text-sm font-semibold text-slate-900">
        {issues.length === 0 ? "No issues" : `Issues (${errors} ${errors === 1 ? "error" : "errors"}, ${issues.length - errors} ${issues.length - errors === 1 ? "warning" : "warnings"})`}
      </h2>
      {issues.length > 0 ? (
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto">
          {issues.map((issue, i) => (
            <li key={`${issue.path}-${i}`}>
              <button
                type="button"
                onClick={() => onSelect(issue.blockId)}
                className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 ${issue.severity === "error" ? "text-red-800" : "text-amber-900"}`}
              >
                <span className="font-medium">{issue.severity === "error" ? "Error" : "Warning"} · {issuePlace(issue)}:</span> {issue.message}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-700">Tokens, links and the footer check out.</p>
      )}
    </section>
  );
}
