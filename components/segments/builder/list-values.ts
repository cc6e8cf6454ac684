import type { ValueType } from "@/server/segments/definition";

/** The values of an "is one of" predicate, as the definition carries them. */
export type ListValue = string | number;

/** The outcome of adding typed or pasted text to a list: the values kept and what was left out, for the marketer to read. */
export type ListAddition = {
  values: ListValue[];
  added: ListValue[];
  /** Items already in the list (or twice in the text), left out. */
  duplicates: string[];
  /** Items that are not a value of the list's type (a word in a number list), left out. */
  invalid: string[];
};

/** Splits typed or pasted text into items: commas and line breaks separate them, blanks are dropped. */
export function splitListText(text: string): string[] {
  return text
    .split(/[,\n\r]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** One item as a list value: a number list keeps only items that read as a finite number. */
export function parseListItem(valueType: ValueType, item: string): ListValue | null {
  const text = item.trim();
  if (text === "") return null;
  if (valueType !== "number") return text;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Whether two list values are the same choice: text compares without regard to case ("us" is "US"), numbers by value. */
export function sameListValue(a: ListValue, b: ListValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
  return a === b;
}

function hasListValue(values: readonly ListValue[], value: ListValue): boolean {
  return values.some((existing) => sameListValue(existing, value));
}

/** Adds every item of the text to the list, in order, leaving out duplicates and items of the wrong type. */
function addListText(values: readonly ListValue[], text: string, valueType: ValueType): ListAddition {
  const result: ListAddition = { values: [...values], added: [], duplicates: [], invalid: [] };
  for (const item of splitListText(text)) {
    const value = parseListItem(valueType, item);
    if (value === null) result.invalid.push(item);
    else if (hasListValue(result.values, value)) result.duplicates.push(item);
    else {
      result.values.push(value);
      result.added.push(value);
    }
  }
  return result;
}

/**
 * Adds the items of the list input's text. While typing (`typing`), what follows the last comma is
 * still being typed and stays in the input; on Enter, paste or leaving the input every item counts.
 * Items of the wrong type stay in the input too, for the marketer to correct.
 */
export function commitListText(values: readonly ListValue[], text: string, valueType: ValueType, { typing }: { typing: boolean }): ListAddition & { rest: string } {
  const cut = typing ? text.lastIndexOf(",") : text.length;
  if (cut < 0) return { values: [...values], added: [], duplicates: [], invalid: [], rest: text };
  const addition = addListText(values, text.slice(0, cut), valueType);
  const still = text.slice(cut + 1).trimStart();
  return { ...addition, rest: [...addition.invalid, ...(still ? [still] : [])].join(", ") };
}

export function removeListValueAt(values: readonly ListValue[], index: number): ListValue[] {
  return values.filter((_, i) => i !== index);
}

/** The workspace's values worth suggesting: those not chosen yet. */
export function unchosenSuggestions(suggestions: readonly string[], values: readonly ListValue[]): string[] {
  return suggestions.filter((suggestion) => !hasListValue(values, suggestion));
}

/** What the input says about an addition, for its inline message and the screen-reader announcement. */
export function describeAddition({ added, duplicates, invalid }: ListAddition): { error: string | null; status: string } {
  const error = invalid.length
    ? `${quoteList(invalid)} ${invalid.length === 1 ? "is" : "are"} not ${invalid.length === 1 ? "a number" : "numbers"}: enter a number.`
    : null;
  const parts = [
    added.length ? `Added ${added.map(String).join(", ")}.` : "",
    duplicates.length ? `${quoteList(duplicates)} ${duplicates.length === 1 ? "is" : "are"} already in the list.` : "",
  ];
  return { error, status: parts.filter(Boolean).join(" ") };
}

const quoteList = (items: readonly string[]) => items.map((item) => `“${item}”`).join(", ");
