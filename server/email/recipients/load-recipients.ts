import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { RecipientData } from "../scope";
import { cartLinesSql, cartWindowStart, ORDER_EVENT } from "./cart-lines-sql";
import { assembleRecipients, type CartItemRow, type ContactRow, type OrderStatsRow, type ProductRow, type RecipientRows } from "./recipient-rows";

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
  const cartSince = cartWindowStart(now);
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
    db.$queryRaw<CartItemRow[]>`
      select l.contact_id::text as contact_id, l.sku, l.quantity from (${cartLinesSql(workspaceId, cartSince, Prisma.sql`e.contact_id = any(${ids}::bigint[])`)}) l`,
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
