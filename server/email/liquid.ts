import { Liquid, type LiquidOptions } from "liquidjs";
import { escapeHtml } from "./escape";

/*
 * The Liquid environment for email content. Two instances share one configuration:
 * - `htmlLiquid` HTML-escapes every output (the HTML part). Its escape function is React's, not
 *   liquidjs' built-in `escape` (which writes &#34; where React writes &quot;), so the compiled
 *   template and a react-email render of the same values agree to the byte. The `raw` filter is
 *   the escape hatch for trusted template HTML; the linter refuses it in authored content.
 * - `plainLiquid` does not escape: subject lines, the plain-text part, and values handed to React
 *   (which escapes them itself).
 * Partials are disabled (an empty in-memory file system), so `include`/`render` cannot read disk.
 */

/** Tags an email may use; the JS compiler (liquid-compile.ts) implements exactly these. */
export const ALLOWED_TAGS = new Set(["if", "unless", "for", "assign", "comment", "#"]);
/** Filters an email may use; likewise implemented by the JS compiler. */
export const ALLOWED_FILTERS = new Set([
  "default",
  "upcase",
  "downcase",
  "capitalize",
  "strip",
  "truncate",
  "round",
  "plus",
  "minus",
  "times",
  "money",
  "safe_url",
]);

const currencyFormats = new Map<string, Intl.NumberFormat>();
// Catalogue prices repeat across recipients and Intl formatting is the slowest step of a send.
const formattedPrices = new Map<string, string>();
const FORMATTED_PRICES_MAX = 50_000;

/** `{{ product.price | money: product.currency }}` → "$49.00"; empty when there is no price. */
export function formatMoney(value: unknown, currency: unknown): string {
  const amount = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isFinite(amount)) return "";
  const code = typeof currency === "string" && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : "USD";
  const key = `${code}${amount}`;
  const cached = formattedPrices.get(key);
  if (cached !== undefined) return cached;
  let format = currencyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    currencyFormats.set(code, format);
  }
  const formatted = format.format(amount);
  if (formattedPrices.size >= FORMATTED_PRICES_MAX) formattedPrices.clear();
  formattedPrices.set(key, formatted);
  return formatted;
}

/** Data-supplied URLs (product links, images) go out only when they are http(s); otherwise "#". */
export function safeUrl(value: unknown): string {
  return typeof value === "string" && /^https?:\/\//i.test(value.trim()) ? value.trim() : "#";
}

function createLiquid(outputEscape: LiquidOptions["outputEscape"]): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape,
    templates: {},
    cache: false,
  });
  liquid.registerFilter("money", formatMoney);
  liquid.registerFilter("safe_url", safeUrl);
  return liquid;
}

export const htmlLiquid = createLiquid((value: unknown) => escapeHtml(stringifyLiquid(value)));
export const plainLiquid = createLiquid(undefined);

/** How Liquid prints a value: nil is empty, arrays are concatenated. */
export function stringifyLiquid(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(stringifyLiquid).join("");
  return String(value);
}
