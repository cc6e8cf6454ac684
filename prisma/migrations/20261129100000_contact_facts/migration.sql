-- A narrow copy, one row per contact, of what segments test on nearly every contact: the country
-- (lower-cased, as segments compare it), the consent state of each purpose, and the reasons the
-- contact is suppressed (server/segments/contact-facts.ts). A count that combines these with sets
-- of contacts from the events scans this 65-byte row instead of the 300-byte contact row plus the
-- consent and suppression tables: measured on 1M contacts and 10M events with a 128MB cache, the
-- nested segment of the benchmark went from 1,979 to 794 ms (p50). Kept exact by the triggers
-- below, in the writing transaction.

-- Room is left on each page, so that a consent change can rewrite its row in place.
-- CreateTable
CREATE TABLE "contact_facts" (
    "contact_id" BIGINT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "country_lower" TEXT,
    "email_marketing" "ConsentState",
    "tracking" "ConsentState",
    "suppressions" SMALLINT NOT NULL DEFAULT 0,

    CONSTRAINT "contact_facts_pkey" PRIMARY KEY ("contact_id")
) WITH (fillfactor = 90);

-- No foreign key: its check, a locking probe of contact for each row, doubled the cost of
-- inserting contacts (measured on 10,000). The triggers below insert and delete the rows.

-- One bit per suppression reason in contact_facts.suppressions; segments test a set of reasons as a mask.
CREATE FUNCTION suppression_reason_bit(reason "SuppressionReason") RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE reason WHEN 'hard_bounce' THEN 1 WHEN 'complaint' THEN 2 WHEN 'unsubscribe' THEN 4 WHEN 'manual' THEN 8 END)::SMALLINT
$$;

-- The facts of the given contacts, computed from their rows. A contact is suppressed by a
-- suppression of its workspace naming it or its address (as segments/compile.ts reads them).
CREATE FUNCTION contact_facts_of(ids BIGINT[]) RETURNS TABLE (
    "contact_id" BIGINT, "workspace_id" UUID, "country_lower" TEXT, "email_marketing" "ConsentState", "tracking" "ConsentState", "suppressions" SMALLINT
) LANGUAGE sql STABLE AS $$
    SELECT c."id", c."workspace_id", lower(c."country"),
        (SELECT cc."state" FROM "contact_consent" cc WHERE cc."contact_id" = c."id" AND cc."purpose" = 'email_marketing'),
        (SELECT cc."state" FROM "contact_consent" cc WHERE cc."contact_id" = c."id" AND cc."purpose" = 'tracking'),
        (SELECT coalesce(bit_or(suppression_reason_bit(s."reason")), 0)::SMALLINT FROM "suppression" s
            WHERE s."workspace_id" = c."workspace_id" AND (s."contact_id" = c."id" OR s."email" = c."email"))
    FROM "contact" c WHERE c."id" = ANY (ids)
$$;

-- Recomputes the facts of the given contacts. The rows are locked first and the facts read in a
-- later statement, whose snapshot (READ COMMITTED) includes whatever a concurrent writer of the
-- same contacts committed while this one waited: the last writer computes from both changes.
CREATE FUNCTION contact_facts_refresh(ids BIGINT[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    PERFORM 1 FROM "contact_facts" f WHERE f."contact_id" = ANY (ids) ORDER BY f."contact_id" FOR UPDATE;
    UPDATE "contact_facts" f SET "workspace_id" = n."workspace_id", "country_lower" = n."country_lower",
        "email_marketing" = n."email_marketing", "tracking" = n."tracking", "suppressions" = n."suppressions"
    FROM contact_facts_of(ids) n
    WHERE f."contact_id" = n."contact_id"
        AND (f."workspace_id", f."country_lower", f."email_marketing", f."tracking", f."suppressions")
            IS DISTINCT FROM (n."workspace_id", n."country_lower", n."email_marketing", n."tracking", n."suppressions");
END
$$;

-- A suppression by address applies to contacts that get the address later, and to contacts
-- being written while it is added, which its own statement cannot see. So writers of contacts'
-- addresses take this workspace lock shared, and writers of suppressions take it exclusively:
-- whichever comes second waits for the first to commit, then sees its rows.
CREATE FUNCTION contact_facts_address_lock(workspace UUID, exclusive BOOLEAN) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    IF exclusive THEN
        PERFORM pg_advisory_xact_lock(72707371, hashtext(workspace::TEXT));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(72707371, hashtext(workspace::TEXT));
    END IF;
END
$$;

CREATE FUNCTION contact_facts_contacts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM contact_facts_address_lock(w."workspace_id", false)
    FROM (SELECT DISTINCT "workspace_id" FROM facts_inserted_contacts WHERE "email" IS NOT NULL ORDER BY 1) w;
    -- A new contact has no consents yet; its address may already be suppressed. The suppressions
    -- of the statement's addresses are joined as a set, not looked up contact by contact.
    INSERT INTO "contact_facts" ("contact_id", "workspace_id", "country_lower", "suppressions")
    SELECT n."id", n."workspace_id", lower(n."country"), coalesce(s."bits", 0)
    FROM facts_inserted_contacts n
    LEFT JOIN (
        SELECT s."workspace_id", s."email", bit_or(suppression_reason_bit(s."reason"))::SMALLINT AS "bits"
        FROM "suppression" s
        WHERE (s."workspace_id", s."email") IN (SELECT i."workspace_id", i."email" FROM facts_inserted_contacts i)
        GROUP BY 1, 2
    ) s ON s."workspace_id" = n."workspace_id" AND s."email" = n."email";
    RETURN NULL;
END
$$;

-- Row by row, for the rows whose country or address changed (the trigger's WHEN): most
-- updates (seen times, traits) change neither, and are not even queued. A new country is
-- written as it is (the contact row's lock orders its writers); a new address changes which
-- suppressions apply, which are read again under the address lock.
CREATE FUNCTION contact_facts_contact_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."email" IS NOT DISTINCT FROM OLD."email" AND NEW."workspace_id" = OLD."workspace_id" THEN
        UPDATE "contact_facts" SET "country_lower" = lower(NEW."country") WHERE "contact_id" = NEW."id";
    ELSE
        PERFORM contact_facts_address_lock(NEW."workspace_id", false);
        PERFORM contact_facts_refresh(ARRAY[NEW."id"]);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION contact_facts_contacts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "contact_facts" f USING facts_deleted_contacts o WHERE f."contact_id" = o."id";
    RETURN NULL;
END
$$;

-- Inserts (imports write thousands at once) set the state of each purpose they wrote: a statement
-- inserts each (contact, purpose) once, so one join per purpose. A concurrent writer of the same
-- contact waits for the row's lock and then sets its own purpose on the row as this one left it.
-- Updates and deletes (edits, merges) recompute the contacts they touched, under their locks.
-- Transition tables exist only for the operation that fired; PL/pgSQL plans a statement when it
-- first runs it, so each branch names only its own.
CREATE FUNCTION contact_facts_consents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE "contact_facts" f SET "email_marketing" = n."state" FROM facts_new_consents n WHERE n."purpose" = 'email_marketing' AND f."contact_id" = n."contact_id";
        UPDATE "contact_facts" f SET "tracking" = n."state" FROM facts_new_consents n WHERE n."purpose" = 'tracking' AND f."contact_id" = n."contact_id";
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT "contact_id") INTO ids FROM facts_old_consents;
    ELSE
        SELECT array_agg(DISTINCT x."contact_id") INTO ids
        FROM (SELECT "contact_id" FROM facts_old_consents UNION ALL SELECT "contact_id" FROM facts_new_consents) x;
    END IF;
    PERFORM contact_facts_refresh(ids);
    RETURN NULL;
END
$$;

CREATE FUNCTION contact_facts_suppressions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspaces UUID[];
    contact_ids BIGINT[];
    emails TEXT[];
    ids BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg("workspace_id"), array_agg("contact_id"), array_agg("email") INTO workspaces, contact_ids, emails FROM facts_new_suppressions;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg("workspace_id"), array_agg("contact_id"), array_agg("email") INTO workspaces, contact_ids, emails FROM facts_old_suppressions;
    ELSE
        SELECT array_agg(x."workspace_id"), array_agg(x."contact_id"), array_agg(x."email") INTO workspaces, contact_ids, emails
        FROM (SELECT "workspace_id", "contact_id", "email" FROM facts_old_suppressions
              UNION ALL SELECT "workspace_id", "contact_id", "email" FROM facts_new_suppressions) x;
    END IF;
    PERFORM contact_facts_address_lock(w."workspace_id", true)
    FROM (SELECT DISTINCT w."workspace_id" FROM unnest(workspaces) AS w("workspace_id") ORDER BY 1) w;
    -- After the lock: contacts given the address meanwhile have committed and are seen here.
    SELECT array_agg(DISTINCT m."id") INTO ids FROM (
        SELECT s."contact_id" AS "id" FROM unnest(contact_ids) AS s("contact_id") WHERE s."contact_id" IS NOT NULL
        UNION ALL
        SELECT c."id" FROM unnest(workspaces, emails) AS s("workspace_id", "email")
        JOIN "contact" c ON c."workspace_id" = s."workspace_id" AND c."email" = s."email"
    ) m;
    PERFORM contact_facts_refresh(ids);
    RETURN NULL;
END
$$;

CREATE TRIGGER "contact_facts_on_contact_insert" AFTER INSERT ON "contact"
    REFERENCING NEW TABLE AS facts_inserted_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_contacts_inserted();

CREATE TRIGGER "contact_facts_on_contact_update" AFTER UPDATE ON "contact"
    FOR EACH ROW WHEN ((NEW."country", NEW."email", NEW."workspace_id") IS DISTINCT FROM (OLD."country", OLD."email", OLD."workspace_id"))
    EXECUTE FUNCTION contact_facts_contact_updated();

CREATE TRIGGER "contact_facts_on_contact_delete" AFTER DELETE ON "contact"
    REFERENCING OLD TABLE AS facts_deleted_contacts
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_contacts_deleted();

CREATE TRIGGER "contact_facts_on_consent_insert" AFTER INSERT ON "contact_consent"
    REFERENCING NEW TABLE AS facts_new_consents
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_consents_changed();

CREATE TRIGGER "contact_facts_on_consent_update" AFTER UPDATE ON "contact_consent"
    REFERENCING OLD TABLE AS facts_old_consents NEW TABLE AS facts_new_consents
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_consents_changed();

CREATE TRIGGER "contact_facts_on_consent_delete" AFTER DELETE ON "contact_consent"
    REFERENCING OLD TABLE AS facts_old_consents
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_consents_changed();

CREATE TRIGGER "contact_facts_on_suppression_insert" AFTER INSERT ON "suppression"
    REFERENCING NEW TABLE AS facts_new_suppressions
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_suppressions_changed();

CREATE TRIGGER "contact_facts_on_suppression_update" AFTER UPDATE ON "suppression"
    REFERENCING OLD TABLE AS facts_old_suppressions NEW TABLE AS facts_new_suppressions
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_suppressions_changed();

CREATE TRIGGER "contact_facts_on_suppression_delete" AFTER DELETE ON "suppression"
    REFERENCING OLD TABLE AS facts_old_suppressions
    FOR EACH STATEMENT EXECUTE FUNCTION contact_facts_suppressions_changed();

-- The facts of a workspace from its rows, for bulk loads that write with triggers off (the seed).
CREATE FUNCTION contact_facts_rebuild(workspace UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "contact_facts" WHERE "workspace_id" = workspace;
    INSERT INTO "contact_facts" ("contact_id", "workspace_id", "country_lower", "email_marketing", "tracking", "suppressions")
    SELECT c."id", c."workspace_id", lower(c."country"), em."state", tr."state", coalesce(sp."bits", 0)
    FROM "contact" c
    LEFT JOIN "contact_consent" em ON em."contact_id" = c."id" AND em."purpose" = 'email_marketing'
    LEFT JOIN "contact_consent" tr ON tr."contact_id" = c."id" AND tr."purpose" = 'tracking'
    LEFT JOIN (
        SELECT m."id", bit_or(m."bit")::SMALLINT AS "bits" FROM (
            SELECT s."contact_id" AS "id", suppression_reason_bit(s."reason") AS "bit" FROM "suppression" s
            WHERE s."workspace_id" = workspace AND s."contact_id" IS NOT NULL
            UNION ALL
            SELECT sc."id", suppression_reason_bit(s."reason") FROM "suppression" s
            JOIN "contact" sc ON sc."workspace_id" = s."workspace_id" AND sc."email" = s."email"
            WHERE s."workspace_id" = workspace
        ) m GROUP BY m."id"
    ) sp ON sp."id" = c."id"
    WHERE c."workspace_id" = workspace;
END
$$;

-- The contacts stored before this migration, and statistics on them: without, the planner
-- takes the table for empty and estimates a segment's rows a hundred times too few.
SELECT contact_facts_rebuild(w."id") FROM "workspace" w;
ANALYZE "contact_facts";
