// Item-to-item collaborative filtering (Linden, Smith & York, "Amazon.com Recommendations:
// Item-to-Item Collaborative Filtering", IEEE Internet Computing 2003): products are similar when
// the same contacts buy or view them; a contact gets the products most similar to theirs.

/** Product interactions: contact and product indices, 1 for a purchase, 0 for a view. */
export type Interactions = {
  contacts: number;
  products: number;
  contact: Int32Array;
  product: Int32Array;
  purchased: Uint8Array;
};

export type RecommenderModel = {
  products: number;
  /** CSR lists of each product's most similar products, most similar first. */
  neighborOffsets: Int32Array;
  neighborIds: Int32Array;
  neighborScores: Float32Array;
  /** Products by number of distinct buyers, most bought first (the fallback). */
  bestSellers: Int32Array;
};

export type RecommenderOptions = {
  /** Weight of a view relative to a purchase (a contact–product pair counts once, at its strongest). */
  viewWeight?: number;
  /** Similar products kept per product. */
  neighbors?: number;
  /** Best sellers kept for the fallback. */
  bestSellers?: number;
};

type Csr = { offsets: Int32Array; ids: Int32Array; weights: Float32Array; bought: Uint8Array };

export function fitRecommender(interactions: Interactions, options: RecommenderOptions = {}): RecommenderModel {
  const viewWeight = options.viewWeight ?? 0.25;
  if (!(viewWeight > 0 && viewWeight <= 1)) throw new RangeError(`viewWeight must be in (0, 1], got ${viewWeight}`);
  const neighborCount = options.neighbors ?? 30;
  const byContact = contactProductMatrix(interactions, viewWeight);
  const byProduct = transpose(byContact, interactions.products);
  const norms = new Float64Array(interactions.products);
  const buyers = new Float64Array(interactions.products);
  for (let p = 0; p < interactions.products; p++) {
    for (let k = byProduct.offsets[p]!; k < byProduct.offsets[p + 1]!; k++) {
      norms[p]! += byProduct.weights[k]! ** 2;
      buyers[p]! += byProduct.bought[k]!;
    }
    norms[p] = Math.sqrt(norms[p]!);
  }

  // cosine(i, j) = Σ_c w_ci·w_cj / (‖i‖·‖j‖), accumulated sparsely: from product i through its
  // contacts to their other products, in one scratch row reset through the list it touched.
  const scratch = new Float64Array(interactions.products);
  const touched = new Int32Array(interactions.products);
  const neighborOffsets = new Int32Array(interactions.products + 1);
  const ids: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < interactions.products; i++) {
    let touchedCount = 0;
    for (let k = byProduct.offsets[i]!; k < byProduct.offsets[i + 1]!; k++) {
      const c = byProduct.ids[k]!;
      const wi = byProduct.weights[k]!;
      for (let m = byContact.offsets[c]!; m < byContact.offsets[c + 1]!; m++) {
        const j = byContact.ids[m]!;
        if (j === i) continue;
        if (scratch[j] === 0) touched[touchedCount++] = j;
        scratch[j]! += wi * byContact.weights[m]!;
      }
    }
    const candidates = Array.from(touched.subarray(0, touchedCount));
    for (const j of candidates) scratch[j] = scratch[j]! / (norms[i]! * norms[j]!);
    candidates.sort((p, q) => scratch[q]! - scratch[p]! || p - q);
    for (const j of candidates.slice(0, neighborCount)) {
      ids.push(j);
      scores.push(scratch[j]!);
    }
    for (const j of candidates) scratch[j] = 0;
    neighborOffsets[i + 1] = ids.length;
  }
  const bestSellers = Int32Array.from({ length: interactions.products }, (_, p) => p)
    .filter((p) => buyers[p]! > 0)
    .sort((p, q) => buyers[q]! - buyers[p]! || p - q)
    .slice(0, options.bestSellers ?? 100);
  return { products: interactions.products, neighborOffsets, neighborIds: Int32Array.from(ids), neighborScores: Float32Array.from(scores), bestSellers };
}

/** One contact's history: products with their weights (1 purchase, view weight for views). */
export type ContactHistory = { products: ArrayLike<number>; weights: ArrayLike<number>; bought: ArrayLike<number> };

/**
 * Returns a function giving a contact's top `count` products: scored by Σ weight × similarity
 * over their history, never a product they bought, topped up with best sellers. The scratch
 * buffers are reused across calls, so scoring many contacts allocates almost nothing.
 */
export function createRecommender(model: RecommenderModel) {
  const scratch = new Float64Array(model.products);
  const excluded = new Uint8Array(model.products);
  const touched: number[] = [];
  return (history: ContactHistory, count = 10): number[] => {
    for (let k = 0; k < history.bought.length; k++) excluded[history.bought[k]!] = 1;
    for (let k = 0; k < history.products.length; k++) {
      const i = history.products[k]!;
      for (let m = model.neighborOffsets[i]!; m < model.neighborOffsets[i + 1]!; m++) {
        const j = model.neighborIds[m]!;
        if (excluded[j]) continue;
        if (scratch[j] === 0) touched.push(j);
        scratch[j]! += history.weights[k]! * model.neighborScores[m]!;
      }
    }
    touched.sort((p, q) => scratch[q]! - scratch[p]! || p - q);
    const picks = touched.slice(0, count);
    for (const j of touched) scratch[j] = 0;
    touched.length = 0;
    for (const j of picks) excluded[j] = 1;
    for (let k = 0; k < model.bestSellers.length && picks.length < count; k++) {
      const j = model.bestSellers[k]!;
      if (!excluded[j]) picks.push(j);
    }
    for (const j of picks) excluded[j] = 0;
    for (let k = 0; k < history.bought.length; k++) excluded[history.bought[k]!] = 0;
    return picks;
  };
}

function contactProductMatrix(interactions: Interactions, viewWeight: number): Csr {
  const n = interactions.contact.length;
  const order = Uint32Array.from({ length: n }, (_, k) => k).sort(
    (p, q) => interactions.contact[p]! - interactions.contact[q]! || interactions.product[p]! - interactions.product[q]!,
  );
  const offsets = new Int32Array(interactions.contacts + 1);
  const ids = new Int32Array(n);
  const weights = new Float32Array(n);
  const bought = new Uint8Array(n);
  let size = 0;
  let lastContact = -1;
  for (const k of order) {
    const c = interactions.contact[k]!;
    const p = interactions.product[k]!;
    const purchased = interactions.purchased[k]! ? 1 : 0;
    if (size > 0 && lastContact === c && ids[size - 1] === p) {
      bought[size - 1] = Math.max(bought[size - 1]!, purchased);
      weights[size - 1] = bought[size - 1] ? 1 : viewWeight;
      continue;
    }
    ids[size] = p;
    bought[size] = purchased;
    weights[size] = purchased ? 1 : viewWeight;
    size++;
    offsets[c + 1]!++;
    lastContact = c;
  }
  for (let c = 0; c < interactions.contacts; c++) offsets[c + 1]! += offsets[c]!;
  return { offsets, ids: ids.slice(0, size), weights: weights.slice(0, size), bought: bought.slice(0, size) };
}

function transpose(matrix: Csr, columns: number): Csr {
  const offsets = new Int32Array(columns + 1);
  for (const id of matrix.ids) offsets[id + 1]!++;
  for (let j = 0; j < columns; j++) offsets[j + 1]! += offsets[j]!;
  const cursor = offsets.slice(0, columns);
  const ids = new Int32Array(matrix.ids.length);
  const weights = new Float32Array(matrix.ids.length);
  const bought = new Uint8Array(matrix.ids.length);
  for (let row = 0; row + 1 < matrix.offsets.length; row++) {
    for (let k = matrix.offsets[row]!; k < matrix.offsets[row + 1]!; k++) {
      const at = cursor[matrix.ids[k]!]!++;
      ids[at] = row;
      weights[at] = matrix.weights[k]!;
      bought[at] = matrix.bought[k]!;
    }
  }
  return { offsets, ids, weights, bought };
}
