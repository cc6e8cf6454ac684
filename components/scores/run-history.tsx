import { Badge, Card } from "../ui/card";
import { formatDurationMs } from "./format";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES, RUN_TRIGGER_LABELS } from "./run-labels";
import { StageBar } from "./stage-bar";
import type { ScoreRunSummary } from "./types";

const startedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function RunHistory({ runs }: { runs: ScoreRunSummary[] }) {
  return (
    <Card title="Run history" description="Every scoring run of this workspace, newest first. A failed run leaves the previous scores in place.">
      {runs.length === 0 ? (
        <p className="text-sm text-slate-700">No runs yet.</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="Scoring runs" tabIndex={0}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">Scoring runs</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-4 font-medium">Started</th>
                <th scope="col" className="py-1 pr-4 font-medium">Trigger</th>
                <th scope="col" className="py-1 pr-4 font-medium">Status</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">Duration</th>
                <th scope="col" className="w-1/3 py-1 font-medium">Stages</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{startedFormat.format(run.startedAt)}</td>
                  <td className="py-2 pr-4">{RUN_TRIGGER_LABELS[run.trigger]}</td>
                  <td className="py-2 pr-4">
                    <Badge tone={RUN_STATUS_TONES[run.status]}>{RUN_STATUS_LABELS[run.status]}</Badge>
                    {run.error ? <p className="mt-1 max-w-xs text-xs text-red-800">{run.error}</p> : null}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatDurationMs(run.durationMs)}</td>
                  <td className="py-2 align-middle">
                    <StageBar stages={run.stages} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
