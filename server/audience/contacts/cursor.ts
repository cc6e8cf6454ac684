import type { ContactSort } from "./schemas";

/**
 * Where a page of contacts ends: the sort value of its last row (null while walking the rows
 * that have no value, which come last) and its id, the tie-breaker. Opaque to clients.
 */
export type ContactCursor = { sort: ContactSort; value: string | null; id: string };

export function encodeContactCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), "utf8").toString("base64url");
}

/** The cursor, or null when it is malformed or was made for another sort order. */
export function decodeContactCursor(encoded: string, sort: ContactSort): ContactCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort) return null;
  if (value !== null && typeof value !== "string") return null;
  if (typeof id !== "string" || !/^\d{1,18}$/.test(id)) return null;
  if (value !== null && sort !== "email" && Number.isNaN(Date.parse(value))) return null;
  return { sort, value, id };
}
