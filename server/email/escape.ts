const AMP = 38;
const LT = 60;
const GT = 62;
const QUOTE = 34;
const APOSTROPHE = 39;

const isSpecial = (code: number) => code === AMP || code === LT || code === GT || code === QUOTE || code === APOSTROPHE;

function entityFor(code: number): string {
  if (code === AMP) return "&amp;";
  if (code === LT) return "&lt;";
  if (code === GT) return "&gt;";
  return code === QUOTE ? "&quot;" : "&#x27;";
}

/**
 * HTML-escapes text exactly as React's server renderer does (same characters, same entities),
 * so a value escaped by Liquid at send time is byte-identical to the same value rendered by
 * react-email — the compiled and per-recipient paths must agree to the byte. A char-code scan
 * rather than a regex: most values need no escaping and this runs for every token of every email.
 */
export function escapeHtml(value: string): string {
  const length = value.length;
  let i = 0;
  while (i < length && !isSpecial(value.charCodeAt(i))) i++;
  if (i === length) return value;
  let out = value.slice(0, i);
  let last = i;
  for (; i < length; i++) {
    const code = value.charCodeAt(i);
    if (!isSpecial(code)) continue;
    out += value.slice(last, i) + entityFor(code);
    last = i + 1;
  }
  return out + value.slice(last);
}
