// What each scoring model is, in words, and how to read its validation figures. Pure.
import { formatCount, formatDecimal, formatPercent, humanize } from "./format";
import type { ModelKey, ModelReport } from "./types";

export const MODEL_INFO: Record<ModelKey, { title: string; summary: string }> = {
  rfm: {
    title: "RFM segments",
    summary: "Recency, frequency and monetary value scored 1–5 by quintile (ties ranked by the other two), and the named segments of the R × F grid; one-time buyers are named by recency alone.",
  },
  bgnbd: {
    title: "Churn risk (BG/NBD)",
    summary: "The BG/NBD model turns each purchase history into expected purchases and the probability the customer is still active; churn risk is its complement.",
  },
  gammaGamma: {
    title: "Expected spend (Gamma-Gamma)",
    summary: "The Gamma-Gamma model estimates each customer's order value from their repeat orders (the first is left out), shrunk towards the workspace's average; customers without a repeat order get that average.",
  },
  clv: {
    title: "Predicted lifetime value",
    summary: "Expected purchases times expected spend over the horizon, discounted.",
  },
  propensity: {
    title: "Purchase propensity (30 days)",
    summary: "A regularized logistic regression on every contact's purchases, visits, product views, carts, opens and clicks in the last 7, 30 and 90 days, tenure and recency, trained on an earlier period and checked on the following 30 days; contacts who never bought are scored too.",
  },
  clusters: {
    title: "Clusters",
    summary: "k-means on standardized features, k chosen by silhouette; each cluster described by how its centre differs from the average.",
  },
  recommendations: {
    title: "Recommendations",
    summary: "Item-to-item collaborative filtering from co-purchases and views; products already bought are left out, best sellers fill the gaps.",
  },
  sendHour: {
    title: "Best send hour",
    summary: "Each contact's opens and clicks (and, at half weight, orders and the last 90 days' site visits) by hour in their time zone, blended with the workspace's pattern when the contact has little history.",
  },
};

export type ValidationFigure = { key: string; label: string; value: string };

type FigureFormat = { label: string; format: (value: number) => string };

const decimals = (digits: number) => (value: number) => formatDecimal(value, digits);

// Figures the scoring pipeline reports (server/scoring/pipeline/fit-models.ts), by key; others are
// shown under their humanized key.
const KNOWN_FIGURES: Record<string, FigureFormat> = {
  auc: { label: "ROC AUC", format: decimals(3) },
  bgnbdAuc: { label: "BG/NBD baseline AUC (buyers)", format: decimals(3) },
  purchaserAuc: { label: "ROC AUC on buyers", format: decimals(3) },
  testBuyers: { label: "Held-out buyers in 30 days", format: formatCount },
  testPurchasers: { label: "Held-out past buyers", format: formatCount },
  priorPeakShare: { label: "Workspace prior's peak hour share", format: (value) => formatPercent(value) },
  logLoss: { label: "Log loss", format: decimals(3) },
  trainContacts: { label: "Training contacts", format: formatCount },
  testContacts: { label: "Held-out contacts", format: formatCount },
  logLikelihood: { label: "Log-likelihood", format: decimals(2) },
  customers: { label: "Customers fitted", format: formatCount },
  iterations: { label: "Optimizer iterations", format: formatCount },
  silhouette: { label: "Silhouette", format: decimals(3) },
  recallAt10: { label: "Recall@10", format: decimals(3) },
  bestSellerRecallAt10: { label: "Best-seller recall@10", format: decimals(3) },
  heldOutContacts: { label: "Held-out customers", format: formatCount },
  sampledContacts: { label: "Contacts sampled", format: formatCount },
};

function figureFormat(key: string): FigureFormat {
  const known = KNOWN_FIGURES[key];
  if (known) return known;
  const silhouetteAtK = /^silhouetteK(\d+)$/.exec(key);
  if (silhouetteAtK) return { label: `Silhouette at k = ${silhouetteAtK[1]}`, format: decimals(3) };
  return { label: humanize(key), format: (value) => (Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 3)) };
}

/** The validation figures of a model, labelled and formatted, in the order the pipeline reported them. */
export function validationFigures(validation: Record<string, number> | null | undefined): ValidationFigure[] {
  return Object.entries(validation ?? {})
    .filter(([, value]) => typeof value === "number" && Number.isFinite(value))
    .map(([key, value]) => {
      const { label, format } = figureFormat(key);
      return { key, label, value: format(value) };
    });
}

/** One sentence that says how good a model is, from its figures; null when there is nothing to say. */
export function validationSentence(model: ModelKey, report: Pick<ModelReport, "params" | "validation">): string | null {
  const v = report.validation ?? {};
  switch (model) {
    case "propensity":
      if (v.auc === undefined) return null;
      return (
        `On the held-out period the model ranks a buyer above a non-buyer ${formatPercent(v.auc)} of the time (AUC ${formatDecimal(v.auc, 3)} over all contacts` +
        (v.bgnbdAuc === undefined || v.purchaserAuc === undefined
          ? ")."
          : `; among past buyers ${formatDecimal(v.purchaserAuc, 3)}, against ${formatDecimal(v.bgnbdAuc, 3)} for the BG/NBD baseline).`)
      );
    case "recommendations":
      if (v.recallAt10 === undefined) return null;
      return (
        `The held-out last purchase is among the top 10 recommendations for ${formatPercent(v.recallAt10)} of customers` +
        (v.bestSellerRecallAt10 === undefined ? "." : ` (best sellers: ${formatPercent(v.bestSellerRecallAt10)}).`)
      );
    case "clusters": {
      const k = report.params?.k;
      if (k === undefined) return null;
      return `${formatCount(k)} clusters gave the best silhouette` + (v.silhouette === undefined ? "." : ` (${formatDecimal(v.silhouette, 3)}).`);
    }
    case "bgnbd":
      if (v.customers === undefined) return null;
      return `Fitted by maximum likelihood on ${formatCount(v.customers)} customers' purchase histories.`;
    default:
      return null;
  }
}

export const MODEL_STATUS_LABELS = { ok: "Fitted", skipped: "Skipped", failed: "Failed" } as const;
export const MODEL_STATUS_TONES = { ok: "green", skipped: "amber", failed: "red" } as const;

/** Why a model has no chart: its reason, or a generic sentence when the pipeline gave none. */
export function modelProblem(report: ModelReport): string | null {
  if (report.status === "ok") return null;
  const reason = report.reason?.trim();
  if (reason) return reason;
  return report.status === "skipped" ? "This model was skipped in the last run." : "This model failed in the last run.";
}
