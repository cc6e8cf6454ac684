-- The suppression bits of one contact, from the suppressions of its workspace that name it or
-- its address: two index probes (by contact, by workspace and address). contact_facts_of tested
-- `contact_id = id OR email = address`, which Postgres answers by reading every suppression of
-- the workspace, for each contact it recomputes.
CREATE FUNCTION contact_suppression_bits(for_workspace UUID, for_contact BIGINT, for_address TEXT) RETURNS SMALLINT
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(bit_or(suppression_reason_bit(s."reason")), 0)::SMALLINT FROM (
        SELECT "reason" FROM "suppression" WHERE "workspace_id" = for_workspace AND "contact_id" = for_contact
        UNION ALL
        SELECT "reason" FROM "suppression" WHERE "workspace_id" = for_workspace AND "email" = for_address
    ) s
$$;

CREATE OR REPLACE FUNCTION contact_facts_of(ids BIGINT[]) RETURNS TABLE (
    "contact_id" BIGINT, "workspace_id" UUID, "country_lower" TEXT, "email_marketing" "ConsentState", "tracking" "ConsentState", "suppressions" SMALLINT
) LANGUAGE sql STABLE AS $$
    SELECT c."id", c."workspace_id", lower(c."country"),
        (SELECT cc."state" FROM "contact_consent" cc WHERE cc."contact_id" = c."id" AND cc."purpose" = 'email_marketing'),
        (SELECT cc."state" FROM "contact_consent" cc WHERE cc."contact_id" = c."id" AND cc."purpose" = 'tracking'),
        contact_suppression_bits(c."workspace_id", c."id", c."email")
    FROM "contact" c WHERE c."id" = ANY (ids)
$$;

-- A contact whose address changes (event ingestion sets the email of contacts it first saw
-- anonymously) gets its suppression bits recomputed by one UPDATE of its own row. It went
-- through contact_facts_refresh, whose UPDATE joins a set-returning function over an array and
-- was planned anew on every call: 1.4 ms per contact, 16 s of the database's time in
-- bench:ingest (200,000 events, 11,523 such contacts). A contact update leaves consents alone,
-- so the other facts stay as they are. The suppressions are still read after the address lock,
-- in a later statement, so one added concurrently is seen.
CREATE OR REPLACE FUNCTION contact_facts_contact_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."email" IS NOT DISTINCT FROM OLD."email" AND NEW."workspace_id" = OLD."workspace_id" THEN
        UPDATE "contact_facts" SET "country_lower" = lower(NEW."country") WHERE "contact_id" = NEW."id";
    ELSE
        PERFORM contact_facts_address_lock(NEW."workspace_id", false);
        UPDATE "contact_facts" SET "workspace_id" = NEW."workspace_id", "country_lower" = lower(NEW."country"),
            "suppressions" = contact_suppression_bits(NEW."workspace_id", NEW."id", NEW."email")
        WHERE "contact_id" = NEW."id";
    END IF;
    RETURN NULL;
END
$$;
