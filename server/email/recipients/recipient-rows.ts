import type { CartItemView, ContactView, ProductView, RecipientData } from "../scope";

/*
 * Pure assembly of RecipientData from the rows the loader fetched set-wise, so the mapping
 * (score names, cart totals, stats) is tested without a database.
 */

/** The contact columns as read; the JSON attributes are checked before they reach the scope. */
export type ContactRow = Omit<ContactView, "attributes" | "stats"> & { attributes: unknown };
export type OrderStatsRow = { contact_id: string; orders_count: number; total_spent: number | null; last_order_at: Date | null };
export type ProductRow = { id: string; sku: string; name: string; category: string | null; price: number | null; currency: string | null; image_url: string | null; url: string | null };
export type CartItemRow = { contact_id: string; sku: string; quantity: number };
export type RecipientRows = {
  contacts: ContactRow[];
  orderStats: OrderStatsRow[];
  scores: { contact_id: string; score: Record<string, unknown> }[];
  recommendations: { contact_id: string; product_ids: string[] }[];
  cartItems: CartItemRow[];
  products: ProductRow[];
  segments: { contact_id: string; segment_id: string }[];
};

/**
 * The scoring tables name some figures differently from the Liquid vocabulary (KNOWN_SCORES) and
 * the segment score fields; a recipient carries every name, so templates and conditions agree.
 */
const SCORE_ALIASES: Record<string, string[]> = {
  propensity_30d: ["purchase_propensity", "propensity"],
  predicted_clv: ["clv", "predicted_clv"],
  expected_spend: ["expected_value_90d"],
};
const NOT_SCORES = new Set(["contact_id", "workspace_id", "run_id", "computed_at", "recommendations"]);

export function scoresFromRow(row: Record<string, unknown>): Record<string, number | string | null> {
  const scores: Record<string, number | string | null> = {};
  for (const [column, value] of Object.entries(row)) {
    if (NOT_SCORES.has(column)) continue;
    const scalar = typeof value === "number" || typeof value === "string" ? value : null;
    for (const name of SCORE_ALIASES[column] ?? [column]) scores[name] = scalar;
  }
  return scores;
}

export function productView(row: ProductRow): ProductView {
  return { id: row.id, name: row.name, category: row.category, price: row.price, currency: row.currency, image_url: row.image_url, url: row.url };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export type RecipientLinks = { unsubscribeUrl: (contactId: string) => string };

/** One RecipientData per contact row, in the order of `rows.contacts`. */
export function assembleRecipients(rows: RecipientRows, links: RecipientLinks): RecipientData[] {
  const stats = new Map(rows.orderStats.map((row) => [row.contact_id, row]));
  const scores = new Map(rows.scores.map((row) => [row.contact_id, row.score]));
  const productsById = new Map(rows.products.map((row) => [row.id, productView(row)]));
  const productsBySku = new Map(rows.products.map((row) => [row.sku, productView(row)]));
  const recommendations = new Map(rows.recommendations.map((row) => [row.contact_id, row.product_ids]));
  const cartItems = groupBy(rows.cartItems, (row) => row.contact_id);
  const segments = groupBy(rows.segments, (row) => row.contact_id);

  return rows.contacts.map((contact): RecipientData => {
    const orderStats = stats.get(contact.id);
    const ordersCount = orderStats?.orders_count ?? 0;
    const totalSpent = orderStats?.total_spent ?? 0;
    const items = (cartItems.get(contact.id) ?? []).flatMap((item): CartItemView[] => {
      const product = productsBySku.get(item.sku);
      return product ? [{ ...product, quantity: item.quantity }] : [];
    });
    const view: ContactView = {
      id: contact.id,
      email: contact.email,
      first_name: contact.first_name,
      last_name: contact.last_name,
      phone: contact.phone,
      locale: contact.locale,
      time_zone: contact.time_zone,
      country: contact.country,
      region: contact.region,
      city: contact.city,
      attributes: typeof contact.attributes === "object" && contact.attributes !== null && !Array.isArray(contact.attributes) ? (contact.attributes as Record<string, unknown>) : {},
      stats: {
        orders_count: ordersCount,
        total_spent: totalSpent,
        average_order_value: ordersCount > 0 ? Math.round((totalSpent / ordersCount) * 100) / 100 : null,
        last_order_at: orderStats?.last_order_at?.toISOString() ?? null,
      },
    };
    return {
      contact: view,
      // The segment score fields read from order stats until a scoring run provides them.
      scores: { total_spend: totalSpent, orders: ordersCount, last_purchase_at: view.stats.last_order_at, ...scoresFromRow(scores.get(contact.id) ?? {}) },
      recommendations: (recommendations.get(contact.id) ?? []).flatMap((id) => productsById.get(id) ?? []),
      cart:
        items.length === 0
          ? null
          : {
              items,
              total: Math.round(items.reduce((sum, item) => sum + (item.price ?? 0) * item.quantity, 0) * 100) / 100,
              currency: items[0]?.currency ?? "USD",
              url: cartUrlOf(items),
            },
      unsubscribe_url: links.unsubscribeUrl(contact.id),
      segment_ids: new Set((segments.get(contact.id) ?? []).map((row) => row.segment_id)),
    };
  });
}

/** The shop's cart page, on the origin of the products' own pages. */
function cartUrlOf(items: readonly CartItemView[]): string {
  const url = items.find((item) => item.url)?.url;
  if (!url) return "";
  try {
    return `${new URL(url).origin}/cart`;
  } catch {
    return "";
  }
}
