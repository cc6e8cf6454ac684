-- Scoring: per-contact features (kept between runs, refreshed incrementally), the current scores
-- (swapped in whole at the end of each run) and the record of every run.

-- Each run writes its scores into an unlogged table of its own here before the swap.
CREATE SCHEMA IF NOT EXISTS "scoring_staging";

-- CreateTable
CREATE TABLE "score_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "job_run_id" UUID,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "contacts" INTEGER NOT NULL DEFAULT 0,
    "stages" JSONB NOT NULL DEFAULT '{}',
    "models" JSONB NOT NULL DEFAULT '{}',
    "fitted" JSONB NOT NULL DEFAULT '{}',
    "charts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "score_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_feature" (
    "contact_id" BIGINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "purchase_days" INTEGER NOT NULL DEFAULT 0,
    "monetary_total" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "first_purchase_at" TIMESTAMPTZ(3),
    "last_purchase_at" TIMESTAMPTZ(3),
    "first_event_at" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3),
    "purchases_7d" INTEGER NOT NULL DEFAULT 0,
    "purchases_30d" INTEGER NOT NULL DEFAULT 0,
    "purchases_90d" INTEGER NOT NULL DEFAULT 0,
    "sessions_7d" INTEGER NOT NULL DEFAULT 0,
    "sessions_30d" INTEGER NOT NULL DEFAULT 0,
    "sessions_90d" INTEGER NOT NULL DEFAULT 0,
    "opens_30d" INTEGER NOT NULL DEFAULT 0,
    "clicks_30d" INTEGER NOT NULL DEFAULT 0,
    "cart_abandonments" INTEGER NOT NULL DEFAULT 0,
    "favourite_category" TEXT,
    "engagement_hours" INTEGER[],
    "purchase_hours" INTEGER[],

    CONSTRAINT "contact_feature_pkey" PRIMARY KEY ("contact_id")
);

-- CreateTable
CREATE TABLE "contact_score" (
    "contact_id" BIGINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "rfm_recency" SMALLINT,
    "rfm_frequency" SMALLINT,
    "rfm_monetary" SMALLINT,
    "rfm_segment" TEXT,
    "probability_alive" DOUBLE PRECISION,
    "churn_risk" DOUBLE PRECISION,
    "expected_purchases_90d" DOUBLE PRECISION,
    "expected_spend" DOUBLE PRECISION,
    "predicted_clv" DOUBLE PRECISION,
    "propensity_30d" DOUBLE PRECISION,
    "cluster" INTEGER,
    "cluster_label" TEXT,
    "best_send_hour" SMALLINT,
    "recommendations" BIGINT[],

    CONSTRAINT "contact_score_pkey" PRIMARY KEY ("contact_id")
);

-- CreateIndex
CREATE INDEX "score_run_workspace_id_started_at_idx" ON "score_run"("workspace_id", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "score_run_job_run_id_key" ON "score_run"("job_run_id");

-- CreateIndex
CREATE INDEX "contact_feature_workspace_id_idx" ON "contact_feature"("workspace_id");

-- CreateIndex
CREATE INDEX "contact_score_workspace_id_idx" ON "contact_score"("workspace_id");

-- AddForeignKey
ALTER TABLE "score_run" ADD CONSTRAINT "score_run_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_feature" ADD CONSTRAINT "contact_feature_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_score" ADD CONSTRAINT "contact_score_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
