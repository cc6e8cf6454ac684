-- A btree index row holds at most 2,704 bytes, and an event whose indexed value is larger cannot
-- be stored at all: its whole ingest batch fails. Both indexes below held values of any size
-- (a 6 KB product description in a "Product Added" event, a 6 KB category).

-- The category of segment event filters, up to 1,000 bytes (with the rest of the row, ~2,400 at
-- most). The compiler repeats the bound for compared values short enough that any equal
-- category fits it (server/segments/compile-events.ts), so the planner can use the index.
DROP INDEX "event_category_idx";
CREATE INDEX "event_category_idx" ON "event"("workspace_id", "name", lower("properties" ->> 'category'), "occurred_at") INCLUDE ("contact_id", "revenue")
    WHERE lower("properties" ->> 'category') IS NOT NULL AND octet_length("properties" ->> 'category') <= 1000;

-- Cart additions no longer carry their properties in the index: a size bound would have to
-- serialize every "Product Added" event's properties on insert (octet_length(properties::text)),
-- which cost ingest about 6% (bench:ingest 5,294 -> 4,961-4,989 events/s). The cart reads each
-- window's additions from this index and their properties from the table
-- (server/email/recipients/cart-lines-sql.ts).
DROP INDEX "event_cart_add_idx";
CREATE INDEX "event_cart_add_idx" ON "event"("workspace_id", "occurred_at") INCLUDE ("contact_id")
    WHERE "name" = 'Product Added';
