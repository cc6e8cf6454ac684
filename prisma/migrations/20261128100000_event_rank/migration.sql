-- Each contact's most recent events of each name, newest first: rank 1 is the last time, rank 2
-- the time before, up to rank 11 (server/segments/event-ranks.ts). "Did E at least N times in the
-- last D days" (N <= 11) holds exactly when the contact's N-th most recent E falls in the window,
-- so the matching contacts are one range of the index below instead of every E of the window
-- read and grouped per contact (1.2M "Product Viewed" in 30 days at 10M events).

-- CreateTable
CREATE TABLE "event_rank" (
    "contact_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" SMALLINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL
);

-- The events stored before this migration, ranked here in one pass (the worker would take many
-- minutes pair by pair, and counts would read the events meanwhile); keys and index built after.
INSERT INTO "event_rank" ("contact_id", "name", "rank", "workspace_id", "occurred_at")
SELECT "contact_id", "name", "rank", "workspace_id", "occurred_at" FROM (
    SELECT "contact_id", "name", "workspace_id", "occurred_at",
        row_number() OVER (PARTITION BY "contact_id", "name" ORDER BY "occurred_at" DESC, "id" DESC) AS "rank"
    FROM "event"
) ranked
WHERE "rank" <= 11;

ALTER TABLE "event_rank" ADD CONSTRAINT "event_rank_pkey" PRIMARY KEY ("contact_id","name","rank");

-- Index-only: the contacts of a range come from the index alone.
-- CreateIndex
CREATE INDEX "event_rank_workspace_id_name_rank_occurred_at_idx" ON "event_rank"("workspace_id", "name", "rank", "occurred_at") INCLUDE ("contact_id");

-- Pairs (contact, event name) whose ranks may be out of date: every statement that writes events
-- adds a row per pair it touched, and the worker's rank refresher recomputes and removes them.
-- Rows are only ever added, never updated, so concurrent writers never wait on each other, and
-- a refresher removes only the rows its snapshot sees: a pair written by a transaction that
-- commits later keeps its row. Segment counts read these pairs from the events themselves.
-- CreateTable
CREATE TABLE "event_rank_stale" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "contact_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "event_rank_stale_pkey" PRIMARY KEY ("id")
);

-- No index but the key: the table stays small (a minute of writes), counts read it whole, and
-- every index would be one more write for each batch of events ingested.

CREATE FUNCTION event_rank_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "event_rank_stale" ("workspace_id", "contact_id", "name")
    SELECT DISTINCT "workspace_id", "contact_id", "name" FROM inserted_events;
    RETURN NULL;
END
$$;

CREATE FUNCTION event_rank_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "event_rank_stale" ("workspace_id", "contact_id", "name")
    SELECT DISTINCT "workspace_id", "contact_id", "name" FROM deleted_events;
    RETURN NULL;
END
$$;

-- Merging contacts moves events to another contact: both contacts' ranks change.
CREATE FUNCTION event_rank_mark_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "event_rank_stale" ("workspace_id", "contact_id", "name")
    SELECT pair."workspace_id", pair."contact_id", pair."name"
    FROM previous_events o JOIN updated_events n ON n."id" = o."id"
    CROSS JOIN LATERAL (VALUES (o."workspace_id", o."contact_id", o."name"), (n."workspace_id", n."contact_id", n."name"))
        AS pair("workspace_id", "contact_id", "name")
    WHERE (o."contact_id", o."name", o."occurred_at") IS DISTINCT FROM (n."contact_id", n."name", n."occurred_at")
    GROUP BY 1, 2, 3;
    RETURN NULL;
END
$$;

CREATE TRIGGER "event_rank_mark_on_insert" AFTER INSERT ON "event"
    REFERENCING NEW TABLE AS inserted_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_rank_mark_inserted();

CREATE TRIGGER "event_rank_mark_on_delete" AFTER DELETE ON "event"
    REFERENCING OLD TABLE AS deleted_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_rank_mark_deleted();

CREATE TRIGGER "event_rank_mark_on_update" AFTER UPDATE ON "event"
    REFERENCING OLD TABLE AS previous_events NEW TABLE AS updated_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_rank_mark_updated();
