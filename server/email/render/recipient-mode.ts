import { createElement, Fragment, type ReactNode } from "react";
import { plainLiquid } from "../liquid";
import { stripMarkers, type RenderMode } from "./mode";
import { selectProducts, type ProductSources } from "./products-liquid";

type RecipientScope = ProductSources & Record<string, unknown>;

/**
 * Recipient mode: every field evaluated (unescaped — React or the text part handles escaping) for
 * one recipient's scope, hidden blocks dropped, one card per selected product.
 */
function createRecipientMode<Node>(scope: RecipientScope, visible: readonly boolean[], empty: Node, keyed: (node: Node, key: number) => Node): RenderMode<Node> {
  return {
    field(source, locals) {
      const clean = stripMarkers(source);
      if (!clean.includes("{")) return clean;
      return plainLiquid.parseAndRenderSync(clean, locals ? { ...scope, ...locals } : scope);
    },
    conditional(index, content) {
      return visible[index] ? content : empty;
    },
    products(block, _index, renderCard, renderBlock) {
      const products = selectProducts(block, scope);
      if (products.length === 0) return empty;
      return renderBlock(products.map((product, i) => keyed(renderCard({ product }), i)));
    },
  };
}

export function createHtmlRecipientMode(scope: RecipientScope, visible: readonly boolean[]): RenderMode<ReactNode> {
  return createRecipientMode<ReactNode>(scope, visible, null, (node, key) => createElement(Fragment, { key }, node));
}

export function createTextRecipientMode(scope: RecipientScope, visible: readonly boolean[]): RenderMode<string> {
  return createRecipientMode<string>(scope, visible, "", (node) => node);
}
