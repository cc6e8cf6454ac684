import { CAMPAIGN_THEMES, CATEGORIES, PRODUCT_ADJECTIVES, PRODUCT_MATERIALS } from "./generate-data";
import { cumulativeOf, Random, seedFor } from "./generate-random";

export const SHOP_URL = "https://shop.example";
const DAY_MS = 86_400_000;

export type GeneratedProduct = {
  sku: string;
  name: string;
  category: string;
  price: number;
  url: string;
  imageUrl: string;
  /** The product's fields as they appear in event properties: `"product_id":…,"price":…`. */
  json: string;
};

export type Catalogue = {
  products: GeneratedProduct[];
  /** Product indexes per category, most popular first. */
  byCategory: number[][];
  categoryNames: string[];
  categoryCumulative: number[];
};

const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export function buildCatalogue(seed: number, size = 500): Catalogue {
  const random = new Random(seedFor(seed, 100, 0));
  const categoryCumulative = cumulativeOf(CATEGORIES.map((c) => c.weight));
  const byCategory: number[][] = CATEGORIES.map(() => []);
  const products: GeneratedProduct[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < size; index++) {
    const categoryIndex = random.weighted(categoryCumulative);
    const category = CATEGORIES[categoryIndex]!;
    let name = `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(PRODUCT_MATERIALS)} ${random.pick(category.nouns)}`;
    if (taken.has(name)) name = `${name} ${index}`;
    taken.add(name);
    const price = Math.round(category.minPrice + (category.maxPrice - category.minPrice) * random.next() ** 1.6) - 0.01;
    const sku = `AC-${category.name.slice(0, 3).toUpperCase()}-${String(1000 + index)}`;
    const url = `${SHOP_URL}/products/${slugify(name)}`;
    products.push({
      sku,
      name,
      category: category.name,
      price,
      url,
      imageUrl: `${SHOP_URL}/images/${sku.toLowerCase()}.jpg`,
      json: `"product_id":"${sku}","sku":"${sku}","name":"${name}","category":"${category.name}","price":${price}`,
    });
    byCategory[categoryIndex]!.push(index);
  }
  return { products, byCategory, categoryNames: CATEGORIES.map((c) => c.name), categoryCumulative };
}

export type Campaign = { at: number; json: string; category: string };

/** One campaign a week for the past year, Tuesdays 10:00 UTC, oldest first. */
export function buildCampaigns(seed: number, nowMs: number): Campaign[] {
  const random = new Random(seedFor(seed, 101, 0));
  const campaigns: Campaign[] = [];
  const lastTuesday = new Date(nowMs - DAY_MS);
  lastTuesday.setUTCHours(10, 0, 0, 0);
  while (lastTuesday.getUTCDay() !== 2) lastTuesday.setUTCDate(lastTuesday.getUTCDate() - 1);
  for (let week = 51; week >= 0; week--) {
    const at = lastTuesday.getTime() - week * 7 * DAY_MS;
    const [theme, subject] = random.pick(CAMPAIGN_THEMES);
    const category = random.pick(CATEGORIES).name;
    const id = `cmp_${String(52 - week).padStart(3, "0")}`;
    campaigns.push({
      at,
      category,
      json: `"campaign_id":"${id}","campaign_name":"${theme} — week ${52 - week}","email_subject":"${subject.replace("{category}", category)}"`,
    });
  }
  return campaigns;
}
