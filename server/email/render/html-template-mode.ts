import { createElement, type ReactNode } from "react";
import { TokenKind, Tokenizer } from "liquidjs";
import type { ProductsBlock } from "../document";
import { escapeHtml } from "../escape";
import { VISIBILITY_MASK } from "../scope";
import { stripMarkers, type RenderMode } from "./mode";
import { productsLoopClose, productsLoopOpen, productsBlockClose, productsBlockOpen } from "./products-liquid";

/**
 * A field's Liquid as it goes into HTML: the literal text between tags is HTML-escaped now (React
 * would have escaped it), the Liquid tags and outputs stay as written (their values are escaped
 * by the Liquid environment at send time).
 */
export function fieldToHtmlLiquid(source: string): string {
  const tokens = new Tokenizer(source).readTopLevelTokens();
  return tokens.map((token) => (token.kind === TokenKind.HTML ? escapeHtml(source.slice(token.begin, token.end)) : source.slice(token.begin, token.end))).join("");
}

const MARKERS = /\uE000(\d+)\uE001|<tl-(if|products|loop) data-n="(\d+)">|<\/tl-(if|products|loop)>/g;

/** Template mode for the HTML part; `toLiquid` turns the react-email output into the Liquid template. */
export function createHtmlTemplateMode(): { mode: RenderMode<ReactNode>; toLiquid(html: string): string } {
  const fields: string[] = [];
  const productBlocks = new Map<number, ProductsBlock>();
  const mode: RenderMode<ReactNode> = {
    field(source) {
      const clean = stripMarkers(source);
      if (!clean.includes("{")) return clean;
      fields.push(fieldToHtmlLiquid(clean));
      return `\uE000${fields.length - 1}\uE001`;
    },
    conditional(index, content) {
      return createElement("tl-if", { "data-n": index }, content);
    },
    products(block, index, renderCard, renderBlock) {
      productBlocks.set(index, block);
      const loop = createElement("tl-loop", { "data-n": index, key: "loop" }, renderCard());
      return createElement("tl-products", { "data-n": index }, renderBlock([loop]));
    },
  };
  const blockAt = (n: string): ProductsBlock => {
    const block = productBlocks.get(Number(n));
    if (!block) throw new Error(`No products block ${n}`);
    return block;
  };
  function toLiquid(html: string): string {
    // One pass, so Liquid substituted for a placeholder is never re-read as a marker.
    return html.replace(MARKERS, (_match, field: string | undefined, open: string | undefined, n: string | undefined, close: string | undefined) => {
      if (field !== undefined) return fields[Number(field)] ?? "";
      if (open === "if") return `{% if ${VISIBILITY_MASK}[${n}] %}`;
      if (open === "products") return productsBlockOpen(blockAt(n ?? ""), Number(n));
      if (open === "loop") return productsLoopOpen(blockAt(n ?? ""), Number(n));
      if (close === "if") return "{% endif %}";
      if (close === "products") return productsBlockClose();
      return productsLoopClose();
    });
  }
  return { mode, toLiquid };
}
