"use client";

import { CalibrationChart } from "./charts/calibration-chart";
import { ClustersChart } from "./charts/clusters-chart";
import { HistogramChart } from "./charts/histogram-chart";
import { RfmHeatmap } from "./charts/rfm-heatmap";
import { RfmSegmentsChart } from "./charts/rfm-segments-chart";
import { RocChart } from "./charts/roc-chart";
import { SendHourChart } from "./charts/send-hour-chart";
import { formatCurrency, formatPercent } from "./format";
import { ModelCard } from "./model-card";
import type { LatestScores } from "./types";

const compactMoney = (value: number) => formatCurrency(value, { compact: true });
const wholePercent = (value: number) => formatPercent(value, 0);

/** A card per model of the last run with its chart; loaded on its own so recharts stays off other pages. */
export default function ModelSections({ latest }: { latest: LatestScores }) {
  const { models, charts } = latest;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ModelCard model="rfm" report={models.rfm}>
        <div className="space-y-6">
          <RfmHeatmap cells={charts.rfmGrid} />
          <RfmSegmentsChart segments={charts.rfmSegments} />
        </div>
      </ModelCard>
      <ModelCard model="bgnbd" report={models.bgnbd}>
        <HistogramChart id="churn-histogram" title="Churn risk distribution" what="Churn risk" bins={charts.churnHistogram} formatValue={wholePercent} />
      </ModelCard>
      <ModelCard model="clv" report={models.clv}>
        <HistogramChart id="clv-histogram" title="Predicted CLV distribution" what="Predicted CLV" bins={charts.clvHistogram} formatValue={compactMoney} />
      </ModelCard>
      <ModelCard model="gammaGamma" report={models.gammaGamma} />
      <ModelCard model="propensity" report={models.propensity}>
        <div className="space-y-6">
          <CalibrationChart points={charts.calibration} />
          <RocChart points={charts.roc} auc={models.propensity?.validation?.auc} baselineAuc={models.propensity?.validation?.bgnbdAuc} />
        </div>
      </ModelCard>
      <ModelCard model="clusters" report={models.clusters}>
        <ClustersChart clusters={charts.clusters} />
      </ModelCard>
      <ModelCard model="sendHour" report={models.sendHour}>
        <SendHourChart hours={charts.sendHours} />
      </ModelCard>
      <ModelCard model="recommendations" report={models.recommendations} />
    </div>
  );
}
