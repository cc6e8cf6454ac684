import { walkBlocks, type EmailDocument } from "../document";
import { documentFields } from "../fields";
import { plainLiquid } from "../liquid";
import { KNOWN_SCORES } from "../scope";

/**
 * A value a template prints, reduced to what can be counted over the audience: a contact column,
 * a custom attribute, an order statistic, a score, the recommendations, the open cart, or a value
 * every recipient of a send shares (the campaign, the unsubscribe link).
 */
export type ContactToken =
  | { token: string; kind: "column"; column: ContactColumn }
  | { token: string; kind: "attribute"; key: string }
  | { token: string; kind: "stat"; stat: Stat }
  | { token: string; kind: "score"; score: string }
  | { token: string; kind: "recommendations" }
  | { token: string; kind: "cart"; part: CartPart }
  | { token: string; kind: "shared" };

export const CONTACT_COLUMNS = ["id", "email", "first_name", "last_name", "phone", "locale", "time_zone", "country", "region", "city"] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];
const COLUMNS: ReadonlySet<string> = new Set(CONTACT_COLUMNS);
const STATS = ["orders_count", "total_spent", "average_order_value", "last_order_at"] as const;
type Stat = (typeof STATS)[number];
const isStat = (name: string): name is Stat => (STATS as readonly string[]).includes(name);
const CART_PARTS = ["items", "total", "currency", "url"] as const;
export type CartPart = (typeof CART_PARTS)[number];
const isCartPart = (name: string): name is CartPart => (CART_PARTS as readonly string[]).includes(name);
const SCORES: ReadonlySet<string> = new Set(KNOWN_SCORES);
const SHARED: ReadonlySet<string> = new Set(["campaign.id", "campaign.name", "unsubscribe_url"]);

/**
 * The tokens a document reads, once each, field by field, plus the product lists its products
 * blocks print (a cart or recommendations block shows nothing to a contact without them).
 * Liquid that does not parse is skipped (lint reports it).
 */
export function documentTokens(document: EmailDocument): ContactToken[] {
  const tokens = new Map<string, ContactToken>();
  const add = (token: ContactToken | null) => {
    if (token && !tokens.has(token.token)) tokens.set(token.token, token);
  };
  for (const field of documentFields(document)) {
    if (!field.source.includes("{")) continue;
    let globals: Record<string, { segments: unknown[] }[]>;
    try {
      globals = plainLiquid.analyzeSync(plainLiquid.parse(field.source), { partials: false }).globals as Record<string, { segments: unknown[] }[]>;
    } catch {
      continue;
    }
    for (const variables of Object.values(globals)) for (const variable of variables) add(contactToken(variable.segments));
  }
  for (const block of walkBlocks(document.blocks)) {
    if (block.type !== "products") continue;
    if (block.source === "cart") add(contactToken(["cart", "items"]));
    if (block.source === "recommendations") add(contactToken(["recommendations"]));
  }
  return [...tokens.values()];
}

export function contactToken(segments: readonly unknown[]): ContactToken | null {
  const [root, second, third] = segments.map((segment) => (typeof segment === "string" ? segment : null));
  if (root === "recommendations") return { token: "recommendations", kind: "recommendations" };
  if (root === "scores" && second && SCORES.has(second)) return { token: `scores.${second}`, kind: "score", score: second };
  if (root === "cart") return second && isCartPart(second) ? { token: `cart.${second}`, kind: "cart", part: second } : null;
  const path = second ? `${root}.${second}` : (root ?? "");
  if (SHARED.has(path)) return { token: path, kind: "shared" };
  if (root !== "contact" || !second) return null;
  if (second === "attributes") return third ? { token: `contact.attributes.${third}`, kind: "attribute", key: third } : null;
  if (second === "stats") return third && isStat(third) ? { token: `contact.stats.${third}`, kind: "stat", stat: third } : null;
  return COLUMNS.has(second) ? { token: `contact.${second}`, kind: "column", column: second as ContactColumn } : null;
}
