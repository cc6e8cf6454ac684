// A scoring run, stage by stage: features → fit → apply → swap. The job's checkpoint is the
// number of finished stages, so a run interrupted by a worker restart resumes at its stage;
// everything a later stage needs (as-of time, fitted models) is kept on the score_run row.
import pg from "pg";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { ReportProgress } from "../../worker/task";
import { computeContactFeatures } from "../features/compute-features";
import { stagingCharts } from "../store/score-charts";
import { dropStagingTable, stagingTable } from "../store/staging";
import { SCORE_STAGES, type ModelReports, type ScoreCharts, type ScoreRunTrigger, type ScoreStage } from "../store/views";
import { applyScores } from "./apply-scores";
import { fitModels } from "./fit-models";
import { FEATURE_VERSION, MODEL_VERSIONS, PROPENSITY_HORIZON_DAYS, type FittedModels } from "./fitted-models";
import { loadPropensitySample } from "./load-propensity-sample";
import { loadHourSample, loadInteractionSample, loadPurchaseSample } from "./load-samples";


export type PipelineOptions = {
  /** Purchasers the purchase models are fitted on (seeded sample). */
  sampleSize?: number;
  /** Contacts, buyers or not, the propensity model is fitted on (seeded sample). */
  propensitySampleSize?: number;
  seed?: number;
  /** Recompute every contact's features even where an incremental pass would do (benchmarks). */
  fullFeaturePass?: boolean;
  /** Test hook: throw just before the swap. */
  failBeforeSwap?: boolean;
};

export type PipelineArgs = PipelineOptions & {
  db: Db;
  /** A connection of the pipeline's own (temp tables, cursor, COPY); databaseUrl opens a second one to write while it reads. */
  client: pg.Client;
  databaseUrl: string;
  workspaceId: string;
  jobRunId: string;
  trigger: ScoreRunTrigger;
  checkpoint: number;
  progress: ReportProgress;
  signal?: AbortSignal;
};

export type PipelineOutcome = { scoreRunId: string; contacts: number; stages: Record<string, number> };

const DEFAULT_SAMPLE = 50_000;
/** Contacts of every kind the propensity model is trained and validated on. */
const PROPENSITY_SAMPLE = 50_000;
const HOUR_SAMPLE = 20_000;
const json = (value: unknown) => value as Prisma.InputJsonObject;

export async function runScorePipeline(args: PipelineArgs): Promise<PipelineOutcome> {
  const { db, client, workspaceId, jobRunId, signal } = args;
  const existing = await db.scoreRun.findUnique({ where: { jobRunId } });
  if (existing && existing.workspaceId !== workspaceId) throw new Error(`score_run of job ${jobRunId} belongs to another workspace`);
  const startedAt = existing && existing.status !== "queued" ? existing.startedAt : new Date();
  const run = await db.scoreRun.upsert({
    where: { jobRunId },
    create: { workspaceId, jobRunId, status: "running", trigger: args.trigger, startedAt },
    update: { status: "running", error: null, finishedAt: null, startedAt },
  });
  let fitted = { asOf: new Date().toISOString(), eventWatermark: null, ...(run.fitted as Partial<FittedModels>) } as FittedModels;
  const stages = { ...(run.stages as Record<string, number>) };
  let models = run.models as Partial<ModelReports>;
  let charts = run.charts as Partial<ScoreCharts>;
  let contacts = run.contacts;
  const asOf = new Date(fitted.asOf);

  const saveState = () =>
    db.scoreRun.update({ where: { id: run.id }, data: { fitted: json(fitted), stages: json(stages), models: json(models), charts: json(charts), contacts } });

  const stageWork: Record<ScoreStage, () => Promise<void>> = {
    async features() {
      const previous = await db.scoreRun.findFirst({ where: { workspaceId, status: "succeeded" }, orderBy: { startedAt: "desc" }, select: { fitted: true } });
      const previousFitted = previous?.fitted as Partial<FittedModels> | undefined;
      const previousWatermark = !args.fullFeaturePass && previousFitted?.featureVersion === FEATURE_VERSION ? (previousFitted.eventWatermark ?? null) : null;
      const pass = await computeContactFeatures(client, workspaceId, asOf, previousWatermark);
      fitted = { ...fitted, eventWatermark: pass.eventWatermark, featureVersion: FEATURE_VERSION };
      // An incremental pass rewrites only some rows; the apply stage scores them all.
      const featureRows = await client.query<{ n: number }>("select count(*)::int as n from contact_feature where workspace_id = $1", [workspaceId]);
      contacts = pass.mode === "full" ? pass.contacts : featureRows.rows[0]!.n;
    },
    async fit() {
      const seed = args.seed ?? 42;
      const purchases = await loadPurchaseSample(client, workspaceId, asOf, args.sampleSize ?? DEFAULT_SAMPLE, seed);
      const interactions = await loadInteractionSample(client, workspaceId, purchases.contactIds, asOf);
      const propensitySample = await loadPropensitySample(client, workspaceId, asOf, { size: args.propensitySampleSize ?? PROPENSITY_SAMPLE, seed, horizonDays: PROPENSITY_HORIZON_DAYS });
      const engagement = await loadHourSample(client, workspaceId, HOUR_SAMPLE, seed);
      const purchasers = await client.query<{ n: number }>("select count(*)::int as n from contact_feature where workspace_id = $1 and orders > 0", [workspaceId]);
      const outcome = fitModels({ asOf, purchases, propensitySample, interactions, engagement, seed });
      fitted = { ...fitted, ...outcome.fitted };
      const rfmPurchasers = purchasers.rows[0]!.n;
      models = {
        rfm:
          rfmPurchasers > 0
            ? { status: "ok", version: MODEL_VERSIONS.rfm, validation: { purchasers: rfmPurchasers } }
            : { status: "skipped", reason: "No contact has purchased yet.", version: MODEL_VERSIONS.rfm },
        ...outcome.reports,
      };
      charts = { ...charts, ...outcome.charts };
    },
    async apply() {
      const writer = new pg.Client({ connectionString: args.databaseUrl });
      await writer.connect();
      const scored = await applyScores({
        client,
        writer,
        workspaceId,
        runId: run.id,
        fitted,
        signal,
        onBatch: (done) => args.progress(SCORE_STAGES.indexOf("apply"), SCORE_STAGES.length, `Scoring contacts: ${done.toLocaleString("en-US")} of ${contacts.toLocaleString("en-US")}`),
      }).finally(() => writer.end());
      contacts = scored;
      const { clusterSizes, ...fromStaging } = await stagingCharts(client, stagingTable(run.id));
      charts = { ...charts, ...fromStaging, clusters: (charts.clusters ?? []).map((cluster) => ({ ...cluster, size: clusterSizes.get(cluster.id) ?? 0 })) };
    },
    async swap() {
      if (args.failBeforeSwap) throw new Error("Scoring run stopped before the swap (test hook).");
      const finishedAt = new Date();
      const durationMs = finishedAt.getTime() - startedAt.getTime();
      // One transaction: readers see the previous run's scores or this one's, never a mix.
      await client.query("begin");
      try {
        await client.query("delete from contact_score where workspace_id = $1", [workspaceId]);
        await client.query(`insert into contact_score select * from ${stagingTable(run.id)}`);
        await client.query(
          `update score_run set status = 'succeeded', finished_at = $2, duration_ms = $3, contacts = $4, stages = $5::jsonb, models = $6::jsonb, charts = $7::jsonb, fitted = $8::jsonb where id = $1`,
          [run.id, finishedAt, durationMs, contacts, JSON.stringify(stages), JSON.stringify(models), JSON.stringify(charts), JSON.stringify(fitted)],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      }
      await dropStagingTable(client, run.id);
    },
  };

  try {
    for (let index = Math.min(Math.max(args.checkpoint, 0), SCORE_STAGES.length); index < SCORE_STAGES.length; index++) {
      signal?.throwIfAborted();
      const stage = SCORE_STAGES[index]!;
      await args.progress(index, SCORE_STAGES.length, `Stage ${index + 1} of ${SCORE_STAGES.length}: ${stage}`);
      const started = performance.now();
      if (stage === "swap") stages.swap = 0;
      await stageWork[stage]();
      stages[stage] = Number(((performance.now() - started) / 1000).toFixed(3));
      if (stage !== "swap") await saveState();
      else await db.scoreRun.update({ where: { id: run.id }, data: { stages: json(stages) } });
      await args.progress(index + 1, SCORE_STAGES.length, `Finished ${stage}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.scoreRun.update({ where: { id: run.id }, data: { status: "failed", error: message, finishedAt: new Date() } }).catch(() => undefined);
    if (!signal?.aborted) await dropStagingTable(client, run.id).catch(() => undefined);
    throw error;
  }
  return { scoreRunId: run.id, contacts, stages };
}
