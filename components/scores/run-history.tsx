import { Badge, Card } from "../ui/card";
import { DataTable } from "../ui/table";
import { formatDurationMs } from "./format";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES, RUN_TRIGGER_LABELS } from "./run-labels";
import { StageBar } from "./stage-bar";
import type { ScoreRunSummary } from "./types";

const startedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function RunHistory({ runs }: { runs: ScoreRunSummary[] }) {
  return (
    <Card title="Run history" description="Every scoring run of this workspace, newest first. A failed run leaves the previous scores in place.">
      <DataTable
        look="quiet"
        caption="Scoring runs"
        scrollLabel="Scoring runs"
        rows={runs}
        empty={<p className="text-sm text-slate-700">No runs yet.</p>}
        rowKey={(run) => run.id}
        rowProps={() => ({ className: "align-top" })}
        columns={[
          { key: "started", header: "Started", className: "whitespace-nowrap", cell: (run) => startedFormat.format(run.startedAt) },
          { key: "trigger", header: "Trigger", cell: (run) => RUN_TRIGGER_LABELS[run.trigger] },
          {
            key: "status",
            header: "Status",
            cell: (run) => (
              <>
                <Badge tone={RUN_STATUS_TONES[run.status]}>{RUN_STATUS_LABELS[run.status]}</Badge>
                {run.error ? <p className="mt-1 max-w-xs text-xs text-red-800">{run.error}</p> : null}
              </>
            ),
          },
          { key: "duration", header: "Duration", align: "right", className: "tabular-nums", cell: (run) => formatDurationMs(run.durationMs) },
          { key: "stages", header: "Stages", headerClassName: "w-1/3", className: "align-middle", cell: (run) => <StageBar stages={run.stages} /> },
        ]}
      />
    </Card>
  );
}
