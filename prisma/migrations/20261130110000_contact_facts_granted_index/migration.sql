-- Segments meant for email almost always require email-marketing consent, so a count usually
-- scans the facts of the granted contacts only. This index holds just those rows, by country,
-- with the id and suppressions, so that the count reads them index-only instead of testing
-- every contact's row: on 1M contacts and 10M events the facts side of the benchmark's nested
-- segment went from 164 to 48 ms per process, and its count from about 610 to 500 ms under
-- EXPLAIN ANALYZE. Contacts without that consent (new contacts, until their consent is written)
-- have no entry, so inserting contacts costs nothing more; writing a grant costs an entry
-- (about 30 ms per 3,333 imported grants).
CREATE INDEX "contact_facts_granted_idx" ON "contact_facts" ("workspace_id", "country_lower")
    INCLUDE ("contact_id", "suppressions") WHERE "email_marketing" = 'granted';
