"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCurrency, formatDecimal, formatHourInTimeZone, formatPercent } from "@/components/scores/format";
import type { ContactScoresView } from "@/components/scores/types";
import { errorMessage, useTRPC } from "@/components/trpc/provider";
import { Alert, Badge, Card } from "../ui/card";
import { formatDateTime } from "./format";

const TOP_RECOMMENDATIONS = 5;
const DESCRIPTION = "Value, purchase propensity, churn risk and recommendations.";

/** A contact's scores from the last scoring run, with the reasons behind them. */
export function ContactScores({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const scores = useQuery(trpc.scores.contact.queryOptions({ contactId }));
  if (scores.error) {
    return (
      <Card title="Scores" description={DESCRIPTION}>
        <Alert>{errorMessage(scores.error)}</Alert>
      </Card>
    );
  }
  if (scores.isPending) {
    return (
      <Card title="Scores" description={DESCRIPTION}>
        <p className="text-sm text-slate-600">Loading the scores…</p>
      </Card>
    );
  }
  if (!scores.data) {
    return (
      <Card title="Scores" description={DESCRIPTION}>
        <p className="text-sm text-slate-700">
          No scores yet. They appear after the next scoring run (see{" "}
          <Link href="/scores" className="text-brand-700 underline">
            Scores
          </Link>
          ).
        </p>
      </Card>
    );
  }
  return <ScoresCard scores={scores.data} />;
}

function ScoresCard({ scores }: { scores: ContactScoresView }) {
  const figures: { label: string; value: string }[] = [
    { label: "Churn risk", value: formatPercent(scores.churnRisk, 0) },
    { label: "P(alive)", value: formatPercent(scores.pAlive, 0) },
    { label: "Expected purchases (90 days)", value: formatDecimal(scores.expectedPurchases90d, 1) },
    { label: "Expected spend per order", value: formatCurrency(scores.expectedSpend) },
    { label: "Predicted CLV", value: formatCurrency(scores.predictedClv) },
    { label: "Purchase propensity (30 days)", value: formatPercent(scores.propensity30d, 0) },
    { label: "Cluster", value: scores.cluster?.label ?? "—" },
    {
      label: "Best send hour",
      value: scores.bestSendHour === null ? "—" : formatHourInTimeZone(scores.bestSendHour, scores.timeZone),
    },
  ];
  const recommendations = scores.recommendations.slice(0, TOP_RECOMMENDATIONS);
  return (
    <Card title="Scores" description={`From the scoring run of ${formatDateTime(scores.computedAt)}.`}>
      <div className="space-y-4 text-sm">
        {scores.rfm ? (
          <div className="flex flex-wrap items-center gap-3">
            <Badge tone="brand">{scores.rfm.segment}</Badge>
            <span className="tabular-nums text-slate-700" aria-label={`RFM scores: recency ${scores.rfm.r}, frequency ${scores.rfm.f}, monetary ${scores.rfm.m} out of 5`}>
              R {scores.rfm.r} · F {scores.rfm.f} · M {scores.rfm.m}
            </span>
          </div>
        ) : (
          <p className="text-slate-700">No RFM segment: no purchases yet.</p>
        )}
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
          {figures.map((figure) => (
            <div key={figure.label}>
              <dt className="text-slate-600">{figure.label}</dt>
              <dd className="font-medium tabular-nums">{figure.value}</dd>
            </div>
          ))}
        </dl>
        {scores.explanation.length > 0 ? (
          <div>
            <h3 className="font-medium text-slate-900">Why</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800" aria-label="Score explanation">
              {scores.explanation.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <h3 className="font-medium text-slate-900">Recommended products</h3>
          {recommendations.length === 0 ? (
            <p className="mt-1 text-slate-700">No recommendations for this contact.</p>
          ) : (
            <ol className="mt-1 list-decimal space-y-1 pl-5" aria-label="Recommended products">
              {recommendations.map((product) => (
                <li key={product.productId}>
                  {product.name}
                  {product.category ? <span className="text-slate-600"> · {product.category}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </Card>
  );
}
