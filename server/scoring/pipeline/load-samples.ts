// Samples the fit stage reads: purchasers' order logs, their product interactions, and
// engagement histograms. Seeded: the same data gives the same sample on every run.
import type pg from "pg";
import { ORDER_COMPLETED } from "../features/event-names";
import type { Interactions } from "../recommendations";
import type { PurchaseLog } from "../purchase-log";

const DAY_S = 86_400;

/** A stable pseudo-random order of contact ids (Knuth's multiplicative hash), shifted by the seed. */
const seededOrder = (column: string) => `((${column} * 2654435761 + $3::bigint) % 2147483647)`;

export type PurchaseSample = {
  /** Contact ids (as text) of the sampled purchasers; index i is customer i of the log. */
  contactIds: string[];
  log: PurchaseLog;
};

export async function loadPurchaseSample(client: pg.Client, workspaceId: string, asOf: Date, size: number, seed: number): Promise<PurchaseSample> {
  const { rows } = await client.query<{ contact_id: string; day: number; amount: number }>(
    `with sample as (
       select contact_id from contact_feature where workspace_id = $1 and orders > 0
       order by ${seededOrder("contact_id")} limit $2
     )
     select e.contact_id::text as contact_id, extract(epoch from e.occurred_at)::float8 / ${DAY_S} as day, coalesce(e.revenue, 0)::float8 as amount
     from event e join sample s on s.contact_id = e.contact_id
     where e.workspace_id = $1 and e.name = '${ORDER_COMPLETED}' and coalesce(e.revenue, 0) >= 0 and e.occurred_at <= $4
     order by e.contact_id`,
    [workspaceId, size, seed, asOf],
  );
  const index = new Map<string, number>();
  const contactIds: string[] = [];
  const customer = new Int32Array(rows.length);
  const day = new Float64Array(rows.length);
  const amount = new Float64Array(rows.length);
  rows.forEach((row, k) => {
    let i = index.get(row.contact_id);
    if (i === undefined) {
      i = contactIds.length;
      index.set(row.contact_id, i);
      contactIds.push(row.contact_id);
    }
    customer[k] = i;
    day[k] = row.day;
    amount[k] = row.amount;
  });
  return { contactIds, log: { customers: contactIds.length, customer, day, amount } };
}

/**
 * Products each event names: a view's own sku (or product_id), an order's products[] skus,
 * matched to the workspace's catalogue. $1 is the workspace; `where` adds conditions on `e`.
 */
export function productInteractionsSql(where: string): string {
  return `
    select e.contact_id, p.id as product_id, e.name = '${ORDER_COMPLETED}' as purchased, e.occurred_at
    from event e
    cross join lateral (
      select coalesce(e.properties->>'sku', e.properties->>'product_id') as sku where e.name = 'Product Viewed'
      union all
      select coalesce(item->>'sku', item->>'product_id')
      from jsonb_array_elements(case when e.name = '${ORDER_COMPLETED}' and jsonb_typeof(e.properties->'products') = 'array' then e.properties->'products' else '[]'::jsonb end) item
    ) named
    join product p on p.workspace_id = e.workspace_id and p.sku = named.sku
    where e.workspace_id = $1 and e.name in ('Product Viewed', '${ORDER_COMPLETED}') ${where}`;
}

export type InteractionSample = Interactions & { time: Float64Array; productIds: string[] };

/** Views and purchases of the sampled contacts, products indexed 0..n−1 (productIds maps back). */
export async function loadInteractionSample(client: pg.Client, workspaceId: string, contactIds: string[], asOf: Date): Promise<InteractionSample> {
  const { rows } = await client.query<{ contact_id: string; product_id: string; purchased: boolean; day: number }>(
    `select contact_id::text, product_id::text, purchased, extract(epoch from occurred_at)::float8 / ${DAY_S} as day
     from (${productInteractionsSql("and e.contact_id = any($2::bigint[]) and e.occurred_at <= $3")}) interactions`,
    [workspaceId, contactIds, asOf],
  );
  const contactIndex = new Map(contactIds.map((id, i) => [id, i]));
  const productIndex = new Map<string, number>();
  const productIds: string[] = [];
  const n = rows.length;
  const out: InteractionSample = {
    contacts: contactIds.length,
    products: 0,
    contact: new Int32Array(n),
    product: new Int32Array(n),
    purchased: new Uint8Array(n),
    time: new Float64Array(n),
    productIds,
  };
  rows.forEach((row, k) => {
    let p = productIndex.get(row.product_id);
    if (p === undefined) {
      p = productIds.length;
      productIndex.set(row.product_id, p);
      productIds.push(row.product_id);
    }
    out.contact[k] = contactIndex.get(row.contact_id)!;
    out.product[k] = p;
    out.purchased[k] = row.purchased ? 1 : 0;
    out.time[k] = row.day;
  });
  out.products = productIds.length;
  return out;
}

export type HourSample = { engagement_hours: number[]; activity_hours: number[]; purchase_hours: number[]; time_zone: string | null }[];

/** Hour histograms (UTC) and time zones of up to `size` contacts with opens, clicks, visits or orders. */
export async function loadHourSample(client: pg.Client, workspaceId: string, size: number, seed: number): Promise<HourSample> {
  const { rows } = await client.query<HourSample[number]>(
    `select f.engagement_hours, f.activity_hours, f.purchase_hours, c.time_zone
     from contact_feature f join contact c on c.id = f.contact_id
     where f.workspace_id = $1
       and (f.engagement_hours <> array_fill(0, array[24]) or f.activity_hours <> array_fill(0, array[24]) or f.purchase_hours <> array_fill(0, array[24]))
     order by ${seededOrder("f.contact_id")} limit $2`,
    [workspaceId, size, seed],
  );
  return rows;
}
