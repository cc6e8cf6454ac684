// Plain-words reasons for a contact's scores, shown beside them on the contact page.

export type ExplainableScores = {
  expectedPurchases90d: number | null;
  recencyDays: number | null;
  orders: number;
  churnRisk: number | null;
  propensity30d: number | null;
  predictedClv: number | null;
  rfmSegment: string | null;
  clusterLabel: string | null;
  bestSendHour: number | null;
  timeZone: string | null;
};

const percent = (p: number) => `${Math.round(p * 100)}%`;

function days(n: number): string {
  const whole = Math.round(n);
  if (whole === 0) return "today";
  return whole === 1 ? "1 day ago" : `${whole} days ago`;
}

function purchaseSentence(scores: ExplainableScores): string {
  const last = scores.recencyDays === null ? "has not bought yet" : `last bought ${days(scores.recencyDays)}`;
  if (scores.expectedPurchases90d === null) return `${last[0]!.toUpperCase()}${last.slice(1)}.`;
  const expected = scores.expectedPurchases90d.toFixed(1);
  return `Expected ${expected} ${expected === "1.0" ? "purchase" : "purchases"} in the next 90 days; ${last}.`;
}

export function explainContactScores(scores: ExplainableScores): string[] {
  const lines = [purchaseSentence(scores)];
  if (scores.churnRisk !== null && scores.orders > 0) {
    lines.push(`Churn risk ${percent(scores.churnRisk)}: ${scores.churnRisk >= 0.5 ? "probably lapsed" : "probably still active"} after ${scores.orders} ${scores.orders === 1 ? "order" : "orders"}.`);
  }
  if (scores.propensity30d !== null) lines.push(`${percent(scores.propensity30d)} chance of buying in the next 30 days.`);
  if (scores.predictedClv !== null) lines.push(`Predicted spend over the next 12 months: ${scores.predictedClv.toFixed(2)}.`);
  if (scores.rfmSegment) lines.push(`RFM segment: ${scores.rfmSegment}.`);
  if (scores.clusterLabel) lines.push(`Cluster: ${scores.clusterLabel}.`);
  if (scores.bestSendHour !== null) {
    const hour = `${String(scores.bestSendHour).padStart(2, "0")}:00`;
    lines.push(`Best send hour ${hour} ${scores.timeZone ? `(${scores.timeZone})` : "UTC"}.`);
  }
  return lines;
}
