-- Trigram search over contacts' email and names (see contact_search_trgm_idx below).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('email_marketing', 'tracking');

-- CreateEnum
CREATE TYPE "ConsentState" AS ENUM ('granted', 'withdrawn', 'denied');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('form', 'import', 'api', 'preference_page', 'admin');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('hard_bounce', 'complaint', 'unsubscribe', 'manual');

-- CreateTable
CREATE TABLE "contact" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "external_id" TEXT,
    "email" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "phone" TEXT,
    "locale" TEXT,
    "time_zone" TEXT,
    "country" TEXT,
    "region" TEXT,
    "city" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "first_seen_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_alias" (
    "workspace_id" UUID NOT NULL,
    "anonymous_id" TEXT NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_alias_pkey" PRIMARY KEY ("workspace_id","anonymous_id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "revenue" DOUBLE PRECISION,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "timestamp_adjusted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT,
    "price" DOUBLE PRECISION,
    "currency" TEXT,
    "image_url" TEXT,
    "url" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_consent" (
    "contact_id" BIGINT NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "workspace_id" UUID NOT NULL,
    "state" "ConsentState" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_consent_pkey" PRIMARY KEY ("contact_id","purpose")
);

-- CreateTable
CREATE TABLE "consent_record" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "state" "ConsentState" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "wording" TEXT,
    "reason" TEXT,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "recorded_by_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suppression" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "contact_id" BIGINT,
    "reason" "SuppressionReason" NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "write_key" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "write_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "job_run_id" UUID,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_size" BIGINT NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "rows_total" INTEGER,
    "rows_processed" INTEGER NOT NULL DEFAULT 0,
    "rows_imported" INTEGER NOT NULL DEFAULT 0,
    "rows_failed" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_chunk" (
    "import_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "import_chunk_pkey" PRIMARY KEY ("import_id","seq")
);

-- CreateTable
CREATE TABLE "import_error" (
    "import_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT,

    CONSTRAINT "import_error_pkey" PRIMARY KEY ("import_id","line")
);

-- CreateIndex
CREATE INDEX "contact_workspace_id_last_seen_at_idx" ON "contact"("workspace_id", "last_seen_at" DESC);

-- CreateIndex
CREATE INDEX "contact_workspace_id_created_at_idx" ON "contact"("workspace_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "contact_attributes_idx" ON "contact" USING GIN ("attributes" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "contact_workspace_id_email_key" ON "contact"("workspace_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "contact_workspace_id_external_id_key" ON "contact"("workspace_id", "external_id");

-- Database-only index (allow-listed in server/db/schema-drift.ts): trigram search on
-- email and names; queries must use this exact expression.
CREATE INDEX "contact_search_trgm_idx" ON "contact" USING GIN (
    (lower(coalesce("email", '') || ' ' || coalesce("first_name", '') || ' ' || coalesce("last_name", ''))) gin_trgm_ops
);

-- CreateIndex
CREATE INDEX "contact_alias_contact_id_idx" ON "contact_alias"("contact_id");

-- CreateIndex
CREATE INDEX "event_contact_id_occurred_at_idx" ON "event"("contact_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "event_workspace_id_name_occurred_at_idx" ON "event"("workspace_id", "name", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "event_workspace_id_message_id_key" ON "event"("workspace_id", "message_id");

-- CreateIndex
CREATE INDEX "product_workspace_id_category_idx" ON "product"("workspace_id", "category");

-- CreateIndex
CREATE UNIQUE INDEX "product_workspace_id_sku_key" ON "product"("workspace_id", "sku");

-- CreateIndex
CREATE INDEX "contact_consent_workspace_id_purpose_state_idx" ON "contact_consent"("workspace_id", "purpose", "state");

-- CreateIndex
CREATE INDEX "consent_record_contact_id_occurred_at_idx" ON "consent_record"("contact_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "consent_record_workspace_id_occurred_at_idx" ON "consent_record"("workspace_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "suppression_contact_id_idx" ON "suppression"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "suppression_workspace_id_email_reason_key" ON "suppression"("workspace_id", "email", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "write_key_key_hash_key" ON "write_key"("key_hash");

-- CreateIndex
CREATE INDEX "write_key_workspace_id_idx" ON "write_key"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_job_run_id_key" ON "import"("job_run_id");

-- CreateIndex
CREATE INDEX "import_workspace_id_created_at_idx" ON "import"("workspace_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_alias" ADD CONSTRAINT "contact_alias_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_consent" ADD CONSTRAINT "contact_consent_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suppression" ADD CONSTRAINT "suppression_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suppression" ADD CONSTRAINT "suppression_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "write_key" ADD CONSTRAINT "write_key_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "write_key" ADD CONSTRAINT "write_key_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_chunk" ADD CONSTRAINT "import_chunk_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_error" ADD CONSTRAINT "import_error_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
