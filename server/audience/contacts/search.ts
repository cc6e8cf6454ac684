/**
 * The LIKE pattern for a contact search: the text lower-cased, with LIKE's own wildcards and
 * its escape character escaped, so that "50%_off" finds exactly that text.
 */
export function containsPattern(text: string): string {
  const escaped = text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`);
  return `%${escaped}%`;
}
