import type { Db } from "../../db/client";
import { KNOWN_SCORES } from "../../email/scope";

/** The names a contact's scores go by in email tokens (`{{ scores.churn_risk }}`): the email scope's. */
export const SCORE_TOKENS = KNOWN_SCORES;
export type ScoreToken = (typeof SCORE_TOKENS)[number];
export type ContactScoreTokens = Record<ScoreToken, number | string | null> & { recommended_product_ids: string[] };

const BATCH = 10_000;

/**
 * The last successful run's scores of the given contacts, keyed by contact id (text); contacts
 * of other workspaces and unscored contacts are absent. Probabilities are 0–1, values in the
 * workspace's currency; recommended_product_ids lists catalogue product ids, best first.
 */
export async function loadContactScores(db: Pick<Db, "contactScore">, workspaceId: string, contactIds: readonly (string | bigint)[]): Promise<Map<string, ContactScoreTokens>> {
  const out = new Map<string, ContactScoreTokens>();
  const ids = contactIds.map((id) => BigInt(id));
  for (let start = 0; start < ids.length; start += BATCH) {
    const rows = await db.contactScore.findMany({ where: { workspaceId, contactId: { in: ids.slice(start, start + BATCH) } } });
    for (const row of rows) {
      out.set(row.contactId.toString(), {
        rfm_recency: row.rfmRecency,
        rfm_frequency: row.rfmFrequency,
        rfm_monetary: row.rfmMonetary,
        rfm_segment: row.rfmSegment,
        purchase_propensity: row.propensity30d,
        churn_risk: row.churnRisk,
        probability_alive: row.probabilityAlive,
        expected_purchases_90d: row.expectedPurchases90d,
        expected_value_90d: row.expectedPurchases90d !== null && row.expectedSpend !== null ? row.expectedPurchases90d * row.expectedSpend : null,
        clv: row.predictedClv,
        cluster: row.clusterLabel,
        best_send_hour: row.bestSendHour,
        recommended_product_ids: row.recommendations.map((id) => id.toString()),
      });
    }
  }
  return out;
}
