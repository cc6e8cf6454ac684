import { Prisma } from "../../db/generated/client";

/** Purchases and cart additions as the Segment spec names them (and the ingest API and seed store them). */
export const ORDER_EVENT = "Order Completed";
export const CART_ADD_EVENT = "Product Added";
/** A cart older than this is not "abandoned" any more, it is forgotten. */
export const CART_WINDOW_DAYS = 30;

export function cartWindowStart(now: Date): Date {
  return new Date(now.getTime() - CART_WINDOW_DAYS * 86_400_000);
}

/**
 * The open cart of each contact, as rows (contact_id bigint, sku text, quantity int): the latest
 * cart a contact added to within the window, unless an order came after its last addition.
 * `contactScope` is a condition on `e.contact_id` (a batch of ids, a segment, or `true`).
 * The send path (loadRecipients) and the empty-token count share this one definition, so the
 * designer's "cart is empty for N contacts" counts exactly the carts the renderer would print.
 * The window's cart additions are found through event_cart_add_idx, so keep `e.name =
 * CART_ADD_EVENT` and the time bound in this form; their properties are read from the table
 * (an index row cannot hold properties of any size: migration 20261128110000).
 */
export function cartLinesSql(workspaceId: string, since: Date, contactScope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    with adds as materialized (
      select e.contact_id, e.properties ->> 'cart_id' as cart_id, coalesce(e.properties ->> 'sku', e.properties ->> 'product_id') as sku,
        case when (e.properties ->> 'quantity') ~ '^[0-9]{1,6}$' then (e.properties ->> 'quantity')::int else 1 end as quantity,
        e.occurred_at
      from event e
      where e.workspace_id = ${workspaceId}::uuid and e.name = ${CART_ADD_EVENT} and e.occurred_at >= ${since} and ${contactScope}
    ), last_add as (
      select distinct on (contact_id) contact_id, cart_id, occurred_at from adds order by contact_id, occurred_at desc
    )
    select a.contact_id, a.sku, sum(a.quantity)::int as quantity
    from last_add l
    join adds a on a.contact_id = l.contact_id and a.cart_id is not distinct from l.cart_id
    where a.sku is not null and not exists (
      select 1 from event o
      where o.workspace_id = ${workspaceId}::uuid and o.contact_id = l.contact_id and o.name = ${ORDER_EVENT} and o.occurred_at > l.occurred_at
    )
    group by a.contact_id, a.sku`;
}
