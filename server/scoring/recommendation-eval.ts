import { createRecommender, fitRecommender, type Interactions, type RecommenderOptions } from "./recommendations";

export type HoldoutRecall = { contacts: number; recall: number; bestSellerRecall: number; k: number };

/**
 * Recall@k on each contact's last purchase: the purchase is held out together with everything the
 * contact did from then on, the recommender is fitted on the rest, and a hit is the held-out
 * product among the contact's top k. Contacts whose last purchase repeats an earlier one are
 * skipped (bought products are never recommended). The best-seller list, excluding the contact's
 * purchases, is the baseline.
 */
export function holdoutRecall(interactions: Interactions & { time: Float64Array }, options: RecommenderOptions & { k?: number } = {}): HoldoutRecall {
  const k = options.k ?? 10;
  const n = interactions.contact.length;
  const lastPurchase = new Int32Array(interactions.contacts).fill(-1);
  for (let row = 0; row < n; row++) {
    if (!interactions.purchased[row]) continue;
    const c = interactions.contact[row]!;
    const current = lastPurchase[c]!;
    if (current < 0 || interactions.time[row]! > interactions.time[current]!) lastPurchase[c] = row;
  }
  const cutoff = Float64Array.from(lastPurchase, (row) => (row < 0 ? Infinity : interactions.time[row]!));
  const keep = new Uint8Array(n);
  const heldOut = new Int32Array(interactions.contacts).fill(-1);
  for (let row = 0; row < n; row++) keep[row] = interactions.time[row]! < cutoff[interactions.contact[row]!]! ? 1 : 0;
  const earlierPurchases = new Map<number, Set<number>>();
  for (let row = 0; row < n; row++) {
    if (!keep[row] || !interactions.purchased[row]) continue;
    const c = interactions.contact[row]!;
    const set = earlierPurchases.get(c) ?? new Set<number>();
    set.add(interactions.product[row]!);
    earlierPurchases.set(c, set);
  }
  for (let c = 0; c < interactions.contacts; c++) {
    const row = lastPurchase[c]!;
    const before = earlierPurchases.get(c);
    if (row >= 0 && before && !before.has(interactions.product[row]!)) heldOut[c] = interactions.product[row]!;
  }

  const select = <T extends Int32Array | Uint8Array>(array: T) => array.filter((_, row) => keep[row] === 1) as T;
  const training: Interactions = {
    contacts: interactions.contacts,
    products: interactions.products,
    contact: select(interactions.contact),
    product: select(interactions.product),
    purchased: select(interactions.purchased),
  };
  const model = fitRecommender(training, options);
  const recommend = createRecommender(model);
  const histories = new Map<number, { products: number[]; weights: number[]; bought: number[] }>();
  const viewWeight = options.viewWeight ?? 0.25;
  for (let row = 0; row < training.contact.length; row++) {
    const c = training.contact[row]!;
    if (heldOut[c]! < 0) continue;
    const history = histories.get(c) ?? { products: [], weights: [], bought: [] };
    history.products.push(training.product[row]!);
    history.weights.push(training.purchased[row] ? 1 : viewWeight);
    if (training.purchased[row]) history.bought.push(training.product[row]!);
    histories.set(c, history);
  }

  let contacts = 0;
  let hits = 0;
  let bestSellerHits = 0;
  for (const [c, history] of histories) {
    contacts++;
    const target = heldOut[c]!;
    if (recommend(history, k).includes(target)) hits++;
    const bought = new Set(history.bought);
    const baseline = Array.from(model.bestSellers).filter((p) => !bought.has(p)).slice(0, k);
    if (baseline.includes(target)) bestSellerHits++;
  }
  return { contacts, recall: contacts ? hits / contacts : 0, bestSellerRecall: contacts ? bestSellerHits / contacts : 0, k };
}
