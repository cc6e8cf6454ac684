import { describe, expect, it } from "vitest";
import { holdoutRecall } from "./recommendation-eval";
import { createRecommender, fitRecommender, type Interactions } from "./recommendations";
import { mulberry32, randomIndex } from "./random";

function interactionsOf(rows: Array<[contact: number, product: number, purchased: 0 | 1]>, contacts: number, products: number): Interactions {
  return {
    contacts,
    products,
    contact: Int32Array.from(rows, (row) => row[0]),
    product: Int32Array.from(rows, (row) => row[1]),
    purchased: Uint8Array.from(rows, (row) => row[2]),
  };
}

describe("fitRecommender", () => {
  // Products 0 and 1 are always bought together; 2 is a best seller bought alone; 3 only viewed.
  const rows: Array<[number, number, 0 | 1]> = [
    [0, 0, 1], [0, 1, 1],
    [1, 0, 1], [1, 1, 1], [1, 1, 0],
    [2, 2, 1], [3, 2, 1], [4, 2, 1],
    [5, 0, 1], [5, 3, 0],
  ];
  const model = fitRecommender(interactionsOf(rows, 6, 4));

  it("scores co-purchased products by cosine similarity", () => {
    const neighbors = Array.from(model.neighborIds.subarray(model.neighborOffsets[1]!, model.neighborOffsets[2]!));
    expect(neighbors).toEqual([0]);
    // Product 0: buyers 0, 1, 5 (‖·‖ = √3); product 1: buyers 0, 1 (√2); two shared.
    expect(model.neighborScores[model.neighborOffsets[1]!]).toBeCloseTo(2 / Math.sqrt(6), 6);
  });

  it("ranks best sellers by distinct buyers, not by rows or views", () => {
    expect(Array.from(model.bestSellers)).toEqual([0, 2, 1]);
  });

  it("recommends the co-purchased product, never one already bought, and tops up with best sellers", () => {
    const recommend = createRecommender(model);
    const picks = recommend({ products: [0], weights: [1], bought: [0] }, 3);
    expect(picks[0]).toBe(1);
    expect(picks).not.toContain(0);
    expect(picks).toContain(2);
    expect(recommend({ products: [], weights: [], bought: [] }, 2)).toEqual([0, 2]);
  });
});

/**
 * A shop of 20 categories × 15 products where each contact buys mostly in one favourite category
 * (and a few global hits), so the held-out last purchase is predictable from the others.
 */
function syntheticShop(seed: number) {
  const random = mulberry32(seed);
  const categories = 20;
  const perCategory = 15;
  const contacts = 3000;
  const rows: Array<[number, number, 0 | 1]> = [];
  const time: number[] = [];
  const popular = (n: number) => Math.floor(n * random() ** 2); // skewed towards the first products
  for (let c = 0; c < contacts; c++) {
    const favourite = randomIndex(random, categories);
    const purchases = 3 + randomIndex(random, 6);
    for (let k = 0; k < purchases; k++) {
      const product = random() < 0.85 ? favourite * perCategory + popular(perCategory) : popular(categories) * perCategory;
      rows.push([c, product, 1]);
      time.push(k * 10);
      if (random() < 0.5) {
        rows.push([c, favourite * perCategory + randomIndex(random, perCategory), 0]);
        time.push(k * 10 + 1);
      }
    }
  }
  return { ...interactionsOf(rows, contacts, categories * perCategory), time: Float64Array.from(time) };
}

describe("holdoutRecall", () => {
  it("beats the best-seller baseline by far when tastes cluster", () => {
    const result = holdoutRecall(syntheticShop(42));
    console.log(
      `recommendations recall@10 on ${result.contacts} held-out last purchases: item-to-item ${result.recall.toFixed(3)}, best sellers ${result.bestSellerRecall.toFixed(3)}`,
    );
    expect(result.contacts).toBeGreaterThan(1000);
    expect(result.recall).toBeGreaterThan(0.4);
    expect(result.recall).toBeGreaterThan(3 * result.bestSellerRecall);
  });
});
