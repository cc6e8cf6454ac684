import type { ProductView, RecipientData, SendContext } from "./scope";

/*
 * Deterministic generated recipients for previews, tests and the render bench. Some carry hostile
 * or awkward values on purpose (markup, quotes, ampersands, empty names, non-Latin text), so
 * escaping is exercised on every run.
 */

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ["Ava", "Noah", "Mia", "Liam", "Zoë", "Mateo", "Aiko", "Olu", "Chloé", "Sven", "", "<script>alert(1)</script>", "O'Brien", "Anne & Co", 'Jo "JJ"', "Łucja", "李"];
const LAST_NAMES = ["Smith", "García", "Nguyen", "Müller", "Okafor", "Rossi", "Kim", "Dubois", ""];
const CITIES = ["New York", "Portland", "Austin", "Chicago", "Berlin", "Paris", "Tokyo", null, "São Paulo", "Lagos"];
const CATEGORIES = ["Jackets", "Shoes", "Backpacks", "Tents", "Accessories"];
const CURRENCIES = ["USD", "EUR", "GBP"];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function sampleCatalogue(size = 60, seed = 7): ProductView[] {
  const random = prng(seed);
  return Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    name: `${pick(random, ["Trail", "Summit", "Harbor", "Alpine", "Coastal", "Urban"])} ${pick(random, ["Runner", "Shell", "Pack 24L", "Tent 2P", "Beanie", "Parka"])}${i % 13 === 0 ? " <Limited> & \"New\"" : ""}`,
    category: pick(random, CATEGORIES),
    price: Math.round(random() * 30000) / 100,
    currency: pick(random, CURRENCIES),
    image_url: i % 17 === 0 ? "javascript:alert(1)" : `https://cdn.example.com/products/${i + 1}.jpg`,
    url: `https://shop.example.com/p/${i + 1}?ref=email&src=tailor`,
  }));
}

export function sampleSendContext(catalogue = sampleCatalogue()): SendContext {
  const categories: Record<string, ProductView[]> = {};
  for (const product of catalogue) (categories[product.category ?? ""] ??= []).push(product);
  return { campaign: { id: "cmp_42", name: "Acme <Weekly> & Friends" }, catalogue: { best_sellers: catalogue.slice(0, 8), categories } };
}

export function generateRecipients(count: number, seed = 1, catalogue = sampleCatalogue()): RecipientData[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const id = String(100000 + i);
    const recommendationCount = random() < 0.15 ? 0 : 1 + Math.floor(random() * 6);
    const cartItems = random() < 0.5 ? [] : Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ ...pick(random, catalogue), quantity: 1 + Math.floor(random() * 3) }));
    return {
      contact: {
        id,
        email: `contact${i}@example.com`,
        first_name: pick(random, FIRST_NAMES) || null,
        last_name: pick(random, LAST_NAMES) || null,
        phone: null,
        locale: pick(random, ["en-US", "de-DE", "fr-FR", null]),
        time_zone: null,
        country: null,
        region: null,
        city: pick(random, CITIES),
        attributes: {
          loyalty_points: random() < 0.2 ? null : Math.floor(random() * 5000),
          vip_tier: pick(random, ["gold", "silver", "Gold", null]),
        },
        stats: { orders_count: Math.floor(random() * 12), total_spent: Math.round(random() * 200000) / 100, average_order_value: null, last_order_at: null },
      },
      scores: recipientScores(random),
      recommendations: Array.from({ length: recommendationCount }, () => pick(random, catalogue)),
      cart: cartItems.length === 0 ? null : { items: cartItems, total: cartItems.reduce((sum, item) => sum + (item.price ?? 0) * item.quantity, 0), currency: "USD", url: "https://shop.example.com/cart" },
      unsubscribe_url: `https://tailor.example.com/u/${id}?t=abc&sig=${Math.floor(random() * 1e9).toString(36)}`,
      segment_ids: new Set(random() < 0.3 ? ["seg-vip"] : []),
    };
  });
}

/** Scores under both their Liquid names and the segment score fields that show-if conditions read. */
function recipientScores(random: () => number): RecipientData["scores"] {
  const churnRisk = Math.round(random() * 100) / 100;
  const propensity = Math.round(random() * 100) / 100;
  const clv = Math.round(random() * 1500);
  const rfmSegment = pick(random, ["champions", "at_risk", "new"]);
  return { churn_risk: churnRisk, purchase_propensity: propensity, propensity, clv, predicted_clv: clv, rfm_segment: rfmSegment };
}
