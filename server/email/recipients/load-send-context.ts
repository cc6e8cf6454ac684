import type { Db } from "../../db/client";
import { walkBlocks, type EmailDocument } from "../document";
import type { ProductView, SendContext } from "../scope";
import { productView, type ProductRow } from "./recipient-rows";

/** Best sellers are counted over the latest orders only: a bounded read that follows recent taste. */
const RECENT_ORDERS = 2_000;
const BEST_SELLERS = 8;

/** What every recipient of one send shares: the campaign and the catalogue lists the document's products blocks read. */
export async function loadSendContext(db: Db, workspaceId: string, document: EmailDocument, campaign: SendContext["campaign"]): Promise<SendContext> {
  const bestSellers = await db.$queryRaw<ProductRow[]>`
    with recent as (
      select e.properties -> 'products' as products from event e
      where e.workspace_id = ${workspaceId}::uuid and e.name = 'Order Completed' and jsonb_typeof(e.properties -> 'products') = 'array'
      order by e.occurred_at desc limit ${RECENT_ORDERS}::int
    ), sold as (
      select coalesce(item ->> 'sku', item ->> 'product_id') as sku, count(*) as orders
      from recent cross join lateral jsonb_array_elements(recent.products) as item group by 1
    )
    select p.id::text as id, p.sku, p.name, p.category, p.price, p.currency, p.image_url, p.url
    from product p left join sold s on s.sku = p.sku
    where p.workspace_id = ${workspaceId}::uuid
    order by s.orders desc nulls last, p.id
    limit ${BEST_SELLERS}::int`;

  const wanted = [...new Set([...walkBlocks(document.blocks)].flatMap((block) => (block.type === "products" && block.source === "category" && block.category ? [block.category] : [])))];
  const categoryRows =
    wanted.length === 0
      ? []
      : await db.$queryRaw<ProductRow[]>`
          select ranked.id, ranked.sku, ranked.name, ranked.category, ranked.price, ranked.currency, ranked.image_url, ranked.url from (
            select p.id::text as id, p.sku, p.name, p.category, p.price, p.currency, p.image_url, p.url,
              row_number() over (partition by p.category order by p.id) as n
            from product p where p.workspace_id = ${workspaceId}::uuid and p.category = any(${wanted}::text[])
          ) ranked where ranked.n <= ${BEST_SELLERS}`;
  const categories: Record<string, ProductView[]> = {};
  for (const row of categoryRows) (categories[row.category ?? ""] ??= []).push(productView(row));
  return { campaign, catalogue: { best_sellers: bestSellers.map(productView), categories } };
}
