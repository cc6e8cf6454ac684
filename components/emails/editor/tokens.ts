import { KNOWN_VARIABLE_PATHS } from "@/server/email/scope";

/*
 * The token picker's vocabulary and the text it inserts. Only scalar paths are offered: lists
 * (recommendations, cart items) are for the products block, not for a token in running text.
 */

const LIST_PATHS: ReadonlySet<string> = new Set(["recommendations", "cart.items", "catalogue.best_sellers", "catalogue.categories", "contact.attributes"]);

export function tokenPaths(attributeKeys: readonly string[] = []): string[] {
  return [...KNOWN_VARIABLE_PATHS.filter((path) => !LIST_PATHS.has(path)), ...attributeKeys.map((key) => `contact.attributes.${key}`)];
}

/** Suggested fallbacks for the commonest tokens; the marketer can type any other. */
export const SUGGESTED_FALLBACKS: Readonly<Record<string, string>> = {
  "contact.first_name": "there",
  "contact.last_name": "",
  "contact.city": "your city",
};

/** `{{ contact.first_name | default: "there" }}`; quotes would end the Liquid string, so they are dropped. */
export function tokenFor(path: string, fallback: string): string {
  const cleaned = fallback.replace(/["{}%]/g, "").trim();
  return cleaned === "" ? `{{ ${path} }}` : `{{ ${path} | default: "${cleaned}" }}`;
}

/** Puts `token` in place of the selection [start, end) and answers the new text and caret. */
export function insertToken(text: string, selection: { start: number; end: number } | null, token: string): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selection?.start ?? text.length, text.length));
  const end = Math.max(start, Math.min(selection?.end ?? start, text.length));
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}
