import type { Db } from "../../db/client";
import type { RecipientData } from "../scope";
import { assembleRecipients, type CartItemRow, type ContactRow, type OrderStatsRow, type ProductRow, type RecipientRows } from "./recipient-rows";

/** Purchases and cart additions as the Segment spec names them (and the ingest API and seed store them). */
const ORDER_EVENT = "Order Completed";
const CART_ADD_EVENT = "Product Added";
/** A cart older than this is not "abandoned" any more, it is forgotten. */
const CART_WINDOW_DAYS = 30;

export type RecipientLoadOptions = { unsubscribeUrl: (contactId: string) => string; now?: Date };

/**
 * Everything a template can read about a batch of contacts, in one query per kind of data
 * (contacts, order stats, scores, cart, products, segment memberships), never one per contact:
 * the send job reuses it for batches of thousands. Contacts of other workspaces are ignored.
 */
export async function loadRecipients(db: Db, workspaceId: string, contactIds: readonly string[], options: RecipientLoadOptions): Promise<RecipientData[]> {
  if (contactIds.length === 0) return [];
  const ids = contactIds.map((id) => BigInt(id));
  const now = options.now ?? new Date();
  const cartSince = new Date(now.getTime() - CART_WINDOW_DAYS * 86_400_000);
  const present = await optionalTables(db);

  const [contacts, orderStats, scoreRows, cartItems, segments] = await Promise.all([
    db.$queryRaw<ContactRow[]>`
      select c.id::text as id, c.email, c.first_name, c.last_name, c.phone, c.locale, c.time_zone, c.country, c.region, c.city, c.attributes
      from contact c where c.workspace_id = ${workspaceId}::uuid and c.id = any(${ids}::bigint[])
      order by array_position(${ids}::bigint[], c.id)`,
    db.$queryRaw<OrderStatsRow[]>`
      select e.contact_id::text as contact_id, count(*)::int as orders_count, sum(e.revenue)::float8 as total_spent, max(e.occurred_at) as last_order_at
      from event e where e.workspace_id = ${workspaceId}::uuid and e.contact_id = any(${ids}::bigint[]) and e.name = ${ORDER_EVENT}
      group by e.contact_id`,
    present.scores
      ? db.$queryRaw<{ contact_id: string; score: Record<string, unknown>; product_ids: string[] | null }[]>`
          select s.contact_id::text as contact_id, to_jsonb(s) as score, s.recommendations::text[] as product_ids
          from contact_score s where s.workspace_id = ${workspaceId}::uuid and s.contact_id = any(${ids}::bigint[])`
      : Promise.resolve([]),
    // The latest cart of each contact, unless an order came after its last addition.
    db.$queryRaw<CartItemRow[]>`
      with last_add as (
        select distinct on (e.contact_id) e.contact_id, e.properties ->> 'cart_id' as cart_id, e.occurred_at
        from event e
        where e.workspace_id = ${workspaceId}::uuid and e.contact_id = any(${ids}::bigint[]) and e.name = ${CART_ADD_EVENT} and e.occurred_at >= ${cartSince}
        order by e.contact_id, e.occurred_at desc
      )
      select e.contact_id::text as contact_id, coalesce(e.properties ->> 'sku', e.properties ->> 'product_id') as sku,
        sum(case when (e.properties ->> 'quantity') ~ '^[0-9]{1,6}$' then (e.properties ->> 'quantity')::int else 1 end)::int as quantity
      from last_add l
      join event e on e.contact_id = l.contact_id and e.workspace_id = ${workspaceId}::uuid and e.name = ${CART_ADD_EVENT}
        and e.properties ->> 'cart_id' is not distinct from l.cart_id and e.occurred_at >= ${cartSince}
      where not exists (
        select 1 from event o where o.contact_id = l.contact_id and o.name = ${ORDER_EVENT} and o.occurred_at > l.occurred_at
      )
      group by e.contact_id, 2
      having coalesce(e.properties ->> 'sku', e.properties ->> 'product_id') is not null`,
    present.segments
      ? db.$queryRaw<{ contact_id: string; segment_id: string }[]>`
          select m.contact_id::text as contact_id, m.segment_id::text as segment_id
          from segment_membership m join segment s on s.id = m.segment_id and s.workspace_id = ${workspaceId}::uuid
          where m.contact_id = any(${ids}::bigint[])`
      : Promise.resolve([]),
  ]);

  const recommendations = scoreRows.map((row) => ({ contact_id: row.contact_id, product_ids: row.product_ids ?? [] }));
  const productIds = [...new Set(recommendations.flatMap((row) => row.product_ids))].map((id) => BigInt(id));
  const skus = [...new Set(cartItems.map((row) => row.sku))];
  const products =
    productIds.length === 0 && skus.length === 0
      ? []
      : await db.$queryRaw<ProductRow[]>`
          select p.id::text as id, p.sku, p.name, p.category, p.price, p.currency, p.image_url, p.url
          from product p where p.workspace_id = ${workspaceId}::uuid and (p.id = any(${productIds}::bigint[]) or p.sku = any(${skus}::text[]))`;

  const rows: RecipientRows = {
    contacts,
    orderStats,
    scores: scoreRows.map((row) => ({ contact_id: row.contact_id, score: row.score })),
    recommendations,
    cartItems,
    products,
    segments,
  };
  return assembleRecipients(rows, { unsubscribeUrl: options.unsubscribeUrl });
}

/** Tables of domains that land in parallel (scores, saved segments): read when they exist. */
async function optionalTables(db: Db): Promise<{ scores: boolean; segments: boolean }> {
  const [row] = await db.$queryRaw<{ scores: boolean; segments: boolean }[]>`
    select to_regclass('public.contact_score') is not null as scores, to_regclass('public.segment_membership') is not null as segments`;
  return { scores: row?.scores ?? false, segments: row?.segments ?? false };
}
