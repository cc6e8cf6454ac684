import { Prisma } from "../db/generated/client";
import { predicateSql } from "./compile-values";
import type { ScoreCondition, ScoreField } from "./definition";

/**
 * The whitelist: score field → its column, in contact_score (the last successful scoring run)
 * or contact_feature (the figures that run computed from events). A contact the run has not
 * scored has no value: positive conditions exclude it, negated ones include it.
 */
const SCORE_COLUMNS: Record<ScoreField, Prisma.Sql> = {
  rfm_segment: Prisma.raw("(select cs.rfm_segment from contact_score cs where cs.contact_id = c.id)"),
  propensity: Prisma.raw("(select cs.propensity_30d from contact_score cs where cs.contact_id = c.id)"),
  churn_risk: Prisma.raw("(select cs.churn_risk from contact_score cs where cs.contact_id = c.id)"),
  cluster: Prisma.raw("(select cs.cluster_label from contact_score cs where cs.contact_id = c.id)"),
  predicted_clv: Prisma.raw("(select cs.predicted_clv from contact_score cs where cs.contact_id = c.id)"),
  total_spend: Prisma.raw("(select cf.monetary_total from contact_feature cf where cf.contact_id = c.id)"),
  orders: Prisma.raw("(select cf.orders::float8 from contact_feature cf where cf.contact_id = c.id)"),
  last_purchase_at: Prisma.raw("(select cf.last_purchase_at from contact_feature cf where cf.contact_id = c.id)"),
};

export function scoreConditionSql(condition: ScoreCondition, now: Date, negated: boolean): Prisma.Sql {
  return predicateSql({ sql: SCORE_COLUMNS[condition.field] }, condition, now, negated);
}
