-- CreateTable
CREATE TABLE "segment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "refresh_interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "member_count" INTEGER,
    "last_refreshed_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_version" (
    "segment_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_version_pkey" PRIMARY KEY ("segment_id","version")
);

-- CreateTable
CREATE TABLE "segment_membership" (
    "segment_id" UUID NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "segment_membership_pkey" PRIMARY KEY ("segment_id","contact_id")
);

-- CreateTable
CREATE TABLE "segment_refresh" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "segment_id" UUID NOT NULL,
    "job_run_id" UUID,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "size" INTEGER,
    "entered" INTEGER,
    "left" INTEGER,
    "duration_ms" INTEGER,
    "error" TEXT,

    CONSTRAINT "segment_refresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "segment_workspace_id_name_key" ON "segment"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "segment_version_author_id_idx" ON "segment_version"("author_id");

-- CreateIndex
CREATE INDEX "segment_membership_contact_id_idx" ON "segment_membership"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "segment_refresh_job_run_id_key" ON "segment_refresh"("job_run_id");

-- CreateIndex
CREATE INDEX "segment_refresh_segment_id_started_at_idx" ON "segment_refresh"("segment_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_version" ADD CONSTRAINT "segment_version_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_version" ADD CONSTRAINT "segment_version_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_membership" ADD CONSTRAINT "segment_membership_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_membership" ADD CONSTRAINT "segment_membership_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_refresh" ADD CONSTRAINT "segment_refresh_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_refresh" ADD CONSTRAINT "segment_refresh_job_run_id_fkey" FOREIGN KEY ("job_run_id") REFERENCES "job_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
