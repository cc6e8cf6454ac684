-- A btree index row holds at most 2,704 bytes, and an event whose indexed value is larger cannot
-- be stored at all: its whole ingest batch fails. Both indexes below held values of any size
-- (a 6 KB product description in a "Product Added" event, a 6 KB category), so they now cover
-- only events whose values fit, by a bound on the value's text, and the rest are found otherwise.

-- The category of segment event filters, up to 1,000 bytes (with the rest of the row, ~2,400 at
-- most). The compiler repeats the bound for compared values short enough that any equal
-- category fits it (server/segments/compile-events.ts), so the planner can use the index.
DROP INDEX "event_category_idx";
CREATE INDEX "event_category_idx" ON "event"("workspace_id", "name", lower("properties" ->> 'category'), "occurred_at") INCLUDE ("contact_id", "revenue")
    WHERE lower("properties" ->> 'category') IS NOT NULL AND octet_length("properties" ->> 'category') <= 1000;

-- Cart additions with their properties, when the properties' text is at most 500 bytes (stored
-- as jsonb that is at most ~4.3 times as large: arrays of one-digit numbers), read index-only;
-- larger ones are few and found through event_cart_add_large_idx, then read from the table
-- (server/email/recipients/cart-lines-sql.ts).
DROP INDEX "event_cart_add_idx";
CREATE INDEX "event_cart_add_idx" ON "event"("workspace_id", "occurred_at") INCLUDE ("contact_id", "properties")
    WHERE "name" = 'Product Added' AND octet_length("properties"::text) <= 500;
CREATE INDEX "event_cart_add_large_idx" ON "event"("workspace_id", "occurred_at") INCLUDE ("contact_id")
    WHERE "name" = 'Product Added' AND octet_length("properties"::text) > 500;
