import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAudience } from "../../../prisma/seed/generate-audience";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { runScoring, scoringClient } from "../../../tests/factories/scores";
import { readContactScores } from "../store/read-contact-scores";
import { readLatestScores } from "../store/read-latest-scores";

const db = testDb();
let client: pg.Client;
let workspaceId: string;

beforeAll(async () => {
  client = await scoringClient();
  workspaceId = (await makeWorkspace(db)).id;
  await generateAudience({ databaseUrl: process.env.DATABASE_URL!, workspaceId, contacts: 3_000, events: 60_000, seed: 11 });
}, 120_000);
afterAll(async () => {
  await client.end();
});

describe("a scoring run on a generated shop", () => {
  let firstRunId: string;

  it("scores every contact and records models, validation and charts", async () => {
    const outcome = await runScoring(db, client, workspaceId);
    firstRunId = outcome.scoreRunId;
    expect(outcome.contacts).toBe(3_000);
    expect(Object.keys(outcome.stages)).toEqual(["features", "fit", "apply", "swap"]);
    expect(await db.contactScore.count({ where: { workspaceId } })).toBe(3_000);

    const latest = (await readLatestScores(db, workspaceId))!;
    expect(latest.run).toMatchObject({ id: firstRunId, status: "succeeded", trigger: "manual", contacts: 3_000 });
    for (const name of ["rfm", "bgnbd", "gammaGamma", "clv", "propensity", "clusters", "recommendations", "sendHour"] as const) {
      expect(latest.models[name].status, `${name}: ${latest.models[name].reason}`).toBe("ok");
    }
    expect(latest.models.propensity.validation!.auc).toBeGreaterThan(0.6);
    expect(latest.models.propensity.validation!.bgnbdAuc).toBeGreaterThan(0.5);
    expect(latest.models.propensity.validation!.purchaserAuc).toBeGreaterThan(0.5);
    // Trained and validated on every contact seen by the cut-off, not only on buyers.
    const buyers = await db.contactFeature.count({ where: { workspaceId, orders: { gt: 0 } } });
    expect(latest.models.propensity.validation!.testContacts).toBeGreaterThan(buyers);
    expect(latest.models.recommendations.validation!.recallAt10).toBeGreaterThanOrEqual(latest.models.recommendations.validation!.bestSellerRecallAt10!);
    expect(latest.charts.rfmGrid.length).toBeGreaterThan(5);
    expect(latest.charts.calibration).toHaveLength(10);
    expect(latest.charts.roc.length).toBeGreaterThan(2);
    expect(latest.charts.sendHours.reduce((sum, bin) => sum + bin.count, 0)).toBe(3_000);
    expect(latest.charts.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(latest.charts.rfmSegments.reduce((sum, s) => sum + s.count, 0));
    expect(latest.charts.clvHistogram.length).toBeGreaterThan(3);
  }, 180_000);

  it("gives every contact a purchase probability, buyers or not", async () => {
    expect(await db.contactScore.count({ where: { workspaceId, propensity30d: null } })).toBe(0);
    const [neverBought] = await client.query<{ avg: number }>(
      `select avg(s.propensity_30d)::float8 as avg from contact_score s join contact_feature f on f.contact_id = s.contact_id
       where s.workspace_id = $1 and f.orders = 0`,
      [workspaceId],
    ).then((result) => result.rows);
    const [bought] = await client.query<{ avg: number }>(
      `select avg(s.propensity_30d)::float8 as avg from contact_score s join contact_feature f on f.contact_id = s.contact_id
       where s.workspace_id = $1 and f.purchases_30d > 0`,
      [workspaceId],
    ).then((result) => result.rows);
    expect(neverBought!.avg).toBeGreaterThan(0);
    expect(bought!.avg).toBeGreaterThan(neverBought!.avg);
  });

  it("uses all five frequency scores and keeps one-time buyers out of the repeat-buyer segments", async () => {
    const latest = (await readLatestScores(db, workspaceId))!;
    expect(new Set(latest.charts.rfmGrid.map((cell) => cell.f))).toEqual(new Set([1, 2, 3, 4, 5]));
    const misnamed = await client.query(
      `select 1 from contact_score s join contact_feature f on f.contact_id = s.contact_id
       where s.workspace_id = $1 and f.orders = 1 and s.rfm_segment in ('Champions', 'Loyal', 'Can''t lose them', 'At risk')`,
      [workspaceId],
    );
    expect(misnamed.rowCount).toBe(0);
  });

  it("spreads best send hours by each contact's own activity; only contacts without any get the workspace's hour", async () => {
    const { sendHours } = (await readLatestScores(db, workspaceId))!.charts;
    const own = sendHours.map((bin) => bin.count - (bin.priorOnly ?? 0));
    const ownTotal = own.reduce((sum, count) => sum + count, 0);
    expect(own.filter((count) => count > 0).length).toBeGreaterThan(20);
    expect(Math.max(...own) / ownTotal).toBeLessThan(0.15);
    const none = "array_fill(0, array[24])";
    const withoutHours = await client.query<{ n: number }>(
      `select count(*)::int as n from contact_feature
       where workspace_id = $1 and engagement_hours = ${none} and activity_hours = ${none} and purchase_hours = ${none}`,
      [workspaceId],
    );
    expect(sendHours.reduce((sum, bin) => sum + (bin.priorOnly ?? 0), 0)).toBe(withoutHours.rows[0]!.n);
    expect(sendHours.filter((bin) => (bin.priorOnly ?? 0) > 0)).toHaveLength(1);
  });

  it("explains a buyer's scores on the contact page", async () => {
    const buyer = await db.contactFeature.findFirstOrThrow({ where: { workspaceId, purchaseDays: { gte: 2 } }, orderBy: { contactId: "asc" } });
    const scores = (await readContactScores(db, workspaceId, buyer.contactId.toString()))!;
    expect(scores.rfm).not.toBeNull();
    expect(scores.pAlive).toBeGreaterThan(0);
    expect(scores.churnRisk).toBeCloseTo(1 - scores.pAlive!, 10);
    expect(scores.recommendations).toHaveLength(10);
    expect(scores.explanation[0]).toMatch(/^Expected \d+\.\d purchases? in the next 90 days; last bought/);
    expect(scores.features.frequency).toBe(buyer.orders);
  });

  it("leaves the previous scores in place when a run fails before the swap", async () => {
    const before = await db.contactScore.findMany({ where: { workspaceId }, orderBy: { contactId: "asc" }, take: 50 });
    const jobRunId = randomUUID();
    await expect(runScoring(db, client, workspaceId, { jobRunId, failBeforeSwap: true })).rejects.toThrow(/before the swap/);
    const failed = await db.scoreRun.findUniqueOrThrow({ where: { jobRunId } });
    expect(failed.status).toBe("failed");
    expect(await db.contactScore.findMany({ where: { workspaceId }, orderBy: { contactId: "asc" }, take: 50 })).toEqual(before);
    expect((await readLatestScores(db, workspaceId))!.run.id).toBe(firstRunId);
    const staging = await client.query("select 1 from pg_tables where schemaname = 'scoring_staging'");
    expect(staging.rowCount).toBe(0);

    // Resumed at the swap (its checkpoint), the same run finishes with the models it fitted.
    const resumed = await runScoring(db, client, workspaceId, { jobRunId, checkpoint: 2 });
    expect(resumed.scoreRunId).toBe(failed.id);
    expect(resumed.progress[0]).toBe(2);
    expect((await readLatestScores(db, workspaceId))!.run.id).toBe(failed.id);
    expect(await db.contactScore.count({ where: { workspaceId, runId: failed.id } })).toBe(3_000);
  }, 180_000);
});
