-- Segment counts read events by workspace, name and time window, and need only the contact id
-- (and revenue, for sums of revenue) of each: with those columns INCLUDEd the index answers
-- alone (index-only scan) instead of visiting up to a million heap pages. Likewise consent
-- conditions read contact ids by workspace, purpose and state. Same names and key columns as
-- schema.prisma declares; Prisma cannot declare INCLUDE, and the drift test compares key columns.

-- DropIndex
DROP INDEX "event_workspace_id_name_occurred_at_idx";

-- CreateIndex
CREATE INDEX "event_workspace_id_name_occurred_at_idx" ON "event"("workspace_id", "name", "occurred_at") INCLUDE ("contact_id", "revenue");

-- DropIndex
DROP INDEX "contact_consent_workspace_id_purpose_state_idx";

-- CreateIndex
CREATE INDEX "contact_consent_workspace_id_purpose_state_idx" ON "contact_consent"("workspace_id", "purpose", "state") INCLUDE ("contact_id");

-- Database-only index (allow-listed in server/db/schema-drift): event conditions filtered on the
-- product category ("added shoes to the cart") find their events here, and read contact and
-- revenue from it, instead of reading the properties of every event of that name in the window.
-- The compiler writes `lower(properties ->> 'category') = lower(value)` for text equality on a
-- property (server/segments/compile-events.ts); queries must use this exact expression.
CREATE INDEX "event_category_idx" ON "event"("workspace_id", "name", lower("properties" ->> 'category'), "occurred_at") INCLUDE ("contact_id", "revenue") WHERE lower("properties" ->> 'category') IS NOT NULL;
