/*
 * What a template can see. The send job (next session) loads these per recipient in bulk and
 * hands them to renderForRecipient; the designer's preview does the same for one contact.
 * Names are snake_case because marketers type them into Liquid.
 */

export type ProductView = {
  id: string;
  name: string;
  category: string | null;
  price: number | null;
  currency: string | null;
  image_url: string | null;
  url: string | null;
};

export type CartItemView = ProductView & { quantity: number };

export type ContactView = {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  locale: string | null;
  time_zone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  attributes: Record<string, unknown>;
  /** Computed from events by the worker. */
  stats: {
    orders_count: number;
    total_spent: number;
    average_order_value: number | null;
    last_order_at: string | null;
  };
};

/** Everything personal about one recipient. */
export type RecipientData = {
  contact: ContactView;
  scores: Record<string, number | string | null>;
  recommendations: ProductView[];
  cart: { items: CartItemView[]; total: number; currency: string; url: string } | null;
  unsubscribe_url: string;
  /** Segments the recipient belongs to, for `in_segment` show-if conditions; not visible to Liquid. */
  segment_ids: ReadonlySet<string>;
};

/** What every recipient of one send shares. */
export type SendContext = {
  campaign: { id: string; name: string };
  catalogue: { best_sellers: ProductView[]; categories: Record<string, ProductView[]> };
};

// The scoring run writes these (server/scoring/store/load-contact-scores.ts reads them back).
export const KNOWN_SCORES = [
  "rfm_recency",
  "rfm_frequency",
  "rfm_monetary",
  "rfm_segment",
  "purchase_propensity",
  "churn_risk",
  "probability_alive",
  "expected_purchases_90d",
  "expected_value_90d",
  "clv",
  "cluster",
  "best_send_hour",
] as const;

const PRODUCT_FIELDS = ["id", "name", "category", "price", "currency", "image_url", "url"];

/**
 * Variables a template may read, as dotted paths; a path is known when it or one of its prefixes
 * is listed (`recommendations` covers `recommendations.first.name`). Attribute keys are added per
 * workspace by the caller.
 */
export const KNOWN_VARIABLE_PATHS: readonly string[] = [
  ...["id", "email", "first_name", "last_name", "phone", "locale", "time_zone", "country", "region", "city", "attributes"].map((f) => `contact.${f}`),
  ...["orders_count", "total_spent", "average_order_value", "last_order_at"].map((f) => `contact.stats.${f}`),
  ...KNOWN_SCORES.map((s) => `scores.${s}`),
  "recommendations",
  ...["items", "total", "currency", "url"].map((f) => `cart.${f}`),
  "campaign.id",
  "campaign.name",
  "unsubscribe_url",
  "catalogue.best_sellers",
  "catalogue.categories",
];

export const PRODUCT_VARIABLE_PATHS = [...PRODUCT_FIELDS.map((f) => `product.${f}`), "product.quantity"];

/** Name of the per-recipient block-visibility mask in the compiled template's scope. */
export const VISIBILITY_MASK = "tailor_visible";

export function liquidScopeFor(recipient: RecipientData, send: SendContext) {
  return {
    contact: recipient.contact,
    scores: recipient.scores,
    recommendations: recipient.recommendations,
    cart: recipient.cart,
    unsubscribe_url: recipient.unsubscribe_url,
    campaign: send.campaign,
    catalogue: send.catalogue,
  };
}
