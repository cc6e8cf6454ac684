-- Contact search is kept out of line: maintaining a trigram GIN index (and the unused jsonb
-- GIN index on attributes) on every contact insert cost imports about 3.5x their time. Writers
-- only queue the contacts whose email or name changed (statement-level triggers, one INSERT per
-- statement); the worker's contact-search indexer copies their text into contact_search, which
-- carries the trigram index. Searches also read the queued contacts directly, so they stay
-- exact while the indexer catches up.

-- DropIndex
DROP INDEX "contact_attributes_idx";

-- DropIndex
DROP INDEX "contact_search_trgm_idx";

-- The list's sort indexes end with the id, its tie-breaker: a search over many contacts walks
-- one of them index-only, probing contact_search per row, without reading contact's heap.
-- DropIndex
DROP INDEX "contact_workspace_id_last_seen_at_idx";

-- DropIndex
DROP INDEX "contact_workspace_id_created_at_idx";

-- CreateIndex
CREATE INDEX "contact_workspace_id_last_seen_at_id_idx" ON "contact"("workspace_id", "last_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "contact_workspace_id_created_at_id_idx" ON "contact"("workspace_id", "created_at" DESC, "id" DESC);

-- CreateTable
CREATE TABLE "contact_search" (
    "contact_id" BIGINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "contact_search_pkey" PRIMARY KEY ("contact_id")
);

-- CreateTable
CREATE TABLE "contact_search_queue" (
    "contact_id" BIGINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "contact_search_queue_pkey" PRIMARY KEY ("contact_id")
);

-- AddForeignKey
ALTER TABLE "contact_search" ADD CONSTRAINT "contact_search_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing contacts are indexed here, before the index exists (one build instead of row by row).
INSERT INTO "contact_search" ("contact_id", "workspace_id", "text")
SELECT "id", "workspace_id", lower(coalesce("email", '') || ' ' || coalesce("first_name", '') || ' ' || coalesce("last_name", ''))
FROM "contact";

-- Database-only index (allow-listed in server/db/schema-drift/shape.ts): trigram search.
CREATE INDEX "contact_search_text_trgm_idx" ON "contact_search" USING GIN ("text" gin_trgm_ops);

-- A re-queued contact bumps its version, so that the indexer only dequeues what it has read.
CREATE FUNCTION contact_search_enqueue_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "contact_search_queue" ("contact_id", "workspace_id")
    SELECT "id", "workspace_id" FROM inserted_contacts
    ON CONFLICT ("contact_id") DO UPDATE SET "version" = "contact_search_queue"."version" + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION contact_search_enqueue_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "contact_search_queue" ("contact_id", "workspace_id")
    SELECT n."id", n."workspace_id"
    FROM updated_contacts n JOIN previous_contacts o ON o."id" = n."id"
    WHERE (n."email", n."first_name", n."last_name") IS DISTINCT FROM (o."email", o."first_name", o."last_name")
    ON CONFLICT ("contact_id") DO UPDATE SET "version" = "contact_search_queue"."version" + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER "contact_search_enqueue_on_insert" AFTER INSERT ON "contact"
    REFERENCING NEW TABLE AS inserted_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION contact_search_enqueue_inserted();

CREATE TRIGGER "contact_search_enqueue_on_update" AFTER UPDATE ON "contact"
    REFERENCING OLD TABLE AS previous_contacts NEW TABLE AS updated_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION contact_search_enqueue_updated();
