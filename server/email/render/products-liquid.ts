import type { ProductsBlock } from "../document";
import type { ProductView } from "../scope";

/*
 * Which products a products block shows, written twice on purpose: as Liquid for the compiled
 * template and as JS for the per-recipient reference path. Tests hold the two to the same answer.
 */

function primaryListExpression(block: ProductsBlock): string {
  if (block.source === "recommendations") return "recommendations";
  if (block.source === "cart") return "cart.items";
  if (block.source === "category") return `catalogue.categories["${block.category ?? ""}"]`;
  return "catalogue.best_sellers";
}

const listVariable = (index: number) => `tailor_products_${index}`;

/** Picks the list (with the best-sellers fallback) and opens the block only when it has products. */
export function productsBlockOpen(block: ProductsBlock, index: number): string {
  const list = listVariable(index);
  const fallback = block.fallback === "best_sellers" && block.source !== "best_sellers" ? `{% unless ${list}.size > 0 %}{% assign ${list} = catalogue.best_sellers %}{% endunless %}` : "";
  return `{% assign ${list} = ${primaryListExpression(block)} %}${fallback}{% if ${list}.size > 0 %}`;
}

export const productsBlockClose = () => "{% endif %}";

export function productsLoopOpen(block: ProductsBlock, index: number): string {
  return `{% for product in ${listVariable(index)} limit: ${block.count} %}`;
}

export const productsLoopClose = () => "{% endfor %}";

export type ProductSources = {
  recommendations: readonly ProductView[];
  cart: { items: readonly ProductView[] } | null;
  catalogue: { best_sellers: readonly ProductView[]; categories: Record<string, readonly ProductView[]> };
};

export function selectProducts(block: ProductsBlock, sources: ProductSources): readonly ProductView[] {
  const primary = {
    recommendations: () => sources.recommendations,
    cart: () => sources.cart?.items ?? [],
    category: () => sources.catalogue.categories[block.category ?? ""] ?? [],
    best_sellers: () => sources.catalogue.best_sellers,
  }[block.source]();
  const list = primary.length === 0 && block.fallback === "best_sellers" ? sources.catalogue.best_sellers : primary;
  return list.slice(0, block.count);
}
