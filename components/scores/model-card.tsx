import type { ReactNode } from "react";
import { Alert, Badge, Card } from "../ui/card";
import { MODEL_INFO, MODEL_STATUS_LABELS, MODEL_STATUS_TONES, modelProblem, validationFigures, validationSentence } from "./model-reports";
import type { ModelKey, ModelReport } from "./types";

/** One model of the last run: what it is, its validation figures, and its chart unless it was skipped or failed. */
export function ModelCard({ model, report, children }: { model: ModelKey; report: ModelReport | undefined; children?: ReactNode }) {
  const info = MODEL_INFO[model];
  if (!report) {
    return (
      <Card title={info.title} description={info.summary}>
        <p className="text-sm text-slate-700">The last run did not report this model.</p>
      </Card>
    );
  }
  const problem = modelProblem(report);
  const figures = validationFigures(report.validation);
  const sentence = validationSentence(model, report);
  return (
    <Card
      title={info.title}
      description={info.summary}
      actions={<Badge tone={MODEL_STATUS_TONES[report.status]}>{MODEL_STATUS_LABELS[report.status]}</Badge>}
    >
      <div className="space-y-4">
        {problem ? <Alert tone={report.status === "failed" ? "error" : "info"}>{problem}</Alert> : null}
        {sentence ? <p className="text-sm text-slate-800">{sentence}</p> : null}
        {figures.length > 0 ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            {figures.map((figure) => (
              <div key={figure.key}>
                <dt className="text-slate-600">{figure.label}</dt>
                <dd className="font-medium tabular-nums">{figure.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {report.status === "ok" ? children : null}
        <p className="text-xs text-slate-600">Model version {report.version}</p>
      </div>
    </Card>
  );
}
