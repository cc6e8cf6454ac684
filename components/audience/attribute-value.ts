export type AttributeScalar = string | number | boolean | null;

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** How an attribute value is shown in a text box. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function isEditableValue(value: unknown): value is AttributeScalar {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/**
 * The value typed into a text box, keeping the attribute's type where the text allows it:
 * "42" stays a number and "true" a boolean, but "02134" (a zip code) stays text.
 */
export function parseAttributeText(text: string, previous?: unknown): AttributeScalar {
  const trimmed = text.trim();
  if (typeof previous === "string") return text;
  if (trimmed === "" && previous !== undefined) return null;
  if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  if (NUMBER.test(trimmed)) return Number(trimmed);
  return text;
}
