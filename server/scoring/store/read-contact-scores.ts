import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { explainContactScores } from "../explain/explain-contact-scores";
import type { ContactScoresView } from "./views";

const DAY_MS = 86_400_000;

/** One contact's scores from the last successful run with the features behind them; null before any run. */
export async function readContactScores(
  db: Pick<Db, "contact" | "contactScore" | "contactFeature" | "product">,
  workspaceId: string,
  contactId: string,
): Promise<ContactScoresView | null> {
  const contact = await db.contact.findFirst({ where: { id: BigInt(contactId), workspaceId }, select: { id: true, timeZone: true } });
  if (!contact) throw new UserFacingError("NOT_FOUND", "That contact does not exist in this workspace.");
  const [score, feature] = await Promise.all([
    db.contactScore.findFirst({ where: { contactId: contact.id, workspaceId } }),
    db.contactFeature.findFirst({ where: { contactId: contact.id, workspaceId } }),
  ]);
  if (!score) return null;
  const products = score.recommendations.length
    ? await db.product.findMany({ where: { workspaceId, id: { in: score.recommendations } }, select: { id: true, name: true, category: true } })
    : [];
  const byId = new Map(products.map((p) => [p.id.toString(), p]));
  const recommendations = score.recommendations.flatMap((id) => {
    const product = byId.get(id.toString());
    return product ? [{ productId: product.id.toString(), name: product.name, category: product.category }] : [];
  });

  const asOf = feature?.computedAt ?? score.computedAt;
  const daysSince = (at: Date | null | undefined) => (at ? Math.max(0, (asOf.getTime() - at.getTime()) / DAY_MS) : null);
  const orders = feature?.orders ?? 0;
  const features = {
    recencyDays: roundOrNull(daysSince(feature?.lastPurchaseAt)),
    frequency: orders,
    monetaryTotal: feature?.monetaryTotal ?? 0,
    monetaryAvg: orders > 0 ? (feature?.monetaryTotal ?? 0) / orders : null,
    tenureDays: roundOrNull(daysSince(feature?.firstEventAt)),
    purchases30d: feature?.purchases30d ?? 0,
    sessions30d: feature?.sessions30d ?? 0,
    opens30d: feature?.opens30d ?? 0,
    clicks30d: feature?.clicks30d ?? 0,
    cartAbandonments: feature?.cartAbandonments ?? 0,
    favouriteCategory: feature?.favouriteCategory ?? null,
  };
  const rfm =
    score.rfmRecency !== null && score.rfmFrequency !== null && score.rfmMonetary !== null && score.rfmSegment !== null
      ? { r: score.rfmRecency, f: score.rfmFrequency, m: score.rfmMonetary, segment: score.rfmSegment }
      : null;
  const cluster = score.cluster !== null ? { id: score.cluster, label: score.clusterLabel ?? `Cluster ${score.cluster + 1}` } : null;
  return {
    runId: score.runId,
    computedAt: score.computedAt,
    rfm,
    churnRisk: score.churnRisk,
    pAlive: score.probabilityAlive,
    expectedPurchases90d: score.expectedPurchases90d,
    expectedSpend: score.expectedSpend,
    predictedClv: score.predictedClv,
    propensity30d: score.propensity30d,
    cluster,
    bestSendHour: score.bestSendHour,
    timeZone: contact.timeZone,
    features,
    recommendations,
    explanation: explainContactScores({
      expectedPurchases90d: score.expectedPurchases90d,
      recencyDays: features.recencyDays,
      orders,
      churnRisk: score.churnRisk,
      propensity30d: score.propensity30d,
      predictedClv: score.predictedClv,
      rfmSegment: score.rfmSegment,
      clusterLabel: cluster?.label ?? null,
      bestSendHour: score.bestSendHour,
      timeZone: contact.timeZone,
    }),
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
