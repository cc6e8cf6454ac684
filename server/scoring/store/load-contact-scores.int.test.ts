import { describe, expect, it } from "vitest";
import { makeContact } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { loadContactScores } from "./load-contact-scores";

const db = testDb();

describe("loadContactScores", () => {
  it("answers the scores of the workspace's scored contacts under their token names", async () => {
    const workspace = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const scored = await makeContact(db, workspace.id);
    const unscored = await makeContact(db, workspace.id);
    const foreign = await makeContact(db, other.id);
    const runId = "00000000-0000-4000-8000-0000000000aa";
    await db.contactScore.create({
      data: { contactId: scored.id, workspaceId: workspace.id, runId, computedAt: new Date(), churnRisk: 0.3, expectedPurchases90d: 2, expectedSpend: 25, rfmSegment: "Loyal", recommendations: [7n, 3n] },
    });
    await db.contactScore.create({ data: { contactId: foreign.id, workspaceId: other.id, runId, computedAt: new Date(), churnRisk: 0.9 } });

    const scores = await loadContactScores(db, workspace.id, [scored.id, unscored.id.toString(), foreign.id]);
    expect([...scores.keys()]).toEqual([scored.id.toString()]);
    expect(scores.get(scored.id.toString())).toMatchObject({
      churn_risk: 0.3,
      expected_purchases_90d: 2,
      expected_value_90d: 50,
      rfm_segment: "Loyal",
      purchase_propensity: null,
      recommended_product_ids: ["7", "3"],
    });
  });
});
