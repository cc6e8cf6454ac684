-- Database-only index (allow-listed in server/db/schema-drift): the open cart of each contact is
-- read from the "Product Added" events of the last 30 days (server/email/recipients/cart-lines-sql.ts),
-- by the send path for a batch and by the designer's empty-token count for a whole audience. The
-- cart id and sku live in properties, so without properties in the index every such event costs a
-- heap visit: about 1/12 of the event table for a 30-day window. With contact_id and properties
-- INCLUDEd the window is one index-only range scan. Partial: only cart additions pay for it.
CREATE INDEX "event_cart_add_idx" ON "event"("workspace_id", "occurred_at") INCLUDE ("contact_id", "properties") WHERE "name" = 'Product Added';
