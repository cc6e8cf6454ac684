import { Badge, Card } from "../ui/card";
import { formatCount, formatDurationMs, formatRelativeTime } from "./format";
import { RUN_STATUS_LABELS, RUN_STATUS_TONES, RUN_TRIGGER_LABELS } from "./run-labels";
import { StageBar, StageLegend } from "./stage-bar";
import type { LatestScores } from "./types";

const whenFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The run whose scores contacts carry now. */
export function LastRun({ run, now }: { run: LatestScores["run"]; now: Date }) {
  const finished = run.finishedAt ?? run.startedAt;
  return (
    <Card title="Last run" actions={<Badge tone={RUN_STATUS_TONES[run.status]}>{RUN_STATUS_LABELS[run.status]}</Badge>}>
      <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-4">
        <div>
          <dt className="text-slate-600">Finished</dt>
          <dd>
            <time dateTime={finished.toISOString()} title={whenFormat.format(finished)}>
              {formatRelativeTime(finished, now)}
            </time>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Duration</dt>
          <dd className="tabular-nums">{formatDurationMs(run.durationMs)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Trigger</dt>
          <dd>{RUN_TRIGGER_LABELS[run.trigger]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Contacts scored</dt>
          <dd className="tabular-nums">{formatCount(run.contacts)}</dd>
        </div>
      </dl>
      <div className="mt-4 space-y-2">
        <StageBar stages={run.stages} className="h-4" />
        <StageLegend stages={run.stages} />
      </div>
    </Card>
  );
}
