import { CONTACT_CONDITION_FIELDS, type Condition } from "./conditions";
import { walkBlocks, type EmailDocument } from "./document";
import { documentFields } from "./fields";
import { KNOWN_SCORES } from "./scope";

/** A rule the document breaks, tied to the block (and field) to highlight in the designer. */
export type DocumentIssue = { blockId: string | null; path: string; message: string };

export type ValidationOptions = {
  attributeKeys: readonly string[];
  /** When given, `in_segment` conditions must name one of these. */
  segmentIds?: readonly string[];
};

const LINK = /^(https?:\/\/\S|mailto:\S)/i;
/** Tailor's own links, filled in at send time. */
const SYSTEM_LINK = /^\{\{\s*unsubscribe_url\s*\}\}$/;
const IMAGE_URL = /^https?:\/\/\S/i;

/**
 * Rules beyond the zod shape: URLs, the mandatory unsubscribe footer, products sources, unique
 * ids and show-if conditions on known fields. Liquid itself is checked by lintTemplate.
 */
export function validateDocument(document: EmailDocument, options: ValidationOptions): DocumentIssue[] {
  return [...fieldIssues(document), ...footerIssues(document), ...blockIssues(document, options)];
}

function fieldIssues(document: EmailDocument): DocumentIssue[] {
  return documentFields(document).flatMap((field): DocumentIssue[] => {
    const source = field.source.trim();
    const issue = (message: string) => [{ blockId: field.blockId, path: field.path, message }];
    if (field.kind === "image" && !IMAGE_URL.test(source)) return issue("Image URLs must start with http:// or https://");
    if (field.kind === "link") {
      if (source === "") return issue("Add a link");
      if (!LINK.test(source) && !SYSTEM_LINK.test(source)) return issue("Links must start with https://, http:// or mailto:");
    }
    return [];
  });
}

function footerIssues(document: EmailDocument): DocumentIssue[] {
  const footers = document.blocks.flatMap((block, index) => (block.type === "footer" ? [{ block, index }] : []));
  if (footers.length === 0) return [{ blockId: null, path: "blocks", message: "Add a footer with the unsubscribe link and your postal address" }];
  return footers.flatMap(({ block, index }): DocumentIssue[] => {
    const path = `blocks.${index}`;
    const issues: DocumentIssue[] = [];
    if (!/\{\{\s*unsubscribe_url\s*\}\}/.test(block.unsubscribeHref)) {
      issues.push({ blockId: block.id, path: `${path}.unsubscribeHref`, message: "The footer must link to {{ unsubscribe_url }}" });
    }
    if (block.unsubscribeLabel.trim() === "") issues.push({ blockId: block.id, path: `${path}.unsubscribeLabel`, message: "Label the unsubscribe link" });
    if (block.postalAddress.trim() === "") issues.push({ blockId: block.id, path: `${path}.postalAddress`, message: "The footer must show your postal address" });
    if (block.showIf || block.visibility !== "all") {
      issues.push({ blockId: block.id, path, message: "The footer is shown to everyone: remove its condition and device restriction" });
    }
    return issues;
  });
}

function blockIssues(document: EmailDocument, options: ValidationOptions): DocumentIssue[] {
  const seen = new Set<string>();
  const issues: DocumentIssue[] = [];
  for (const block of walkBlocks(document.blocks)) {
    if (seen.has(block.id)) issues.push({ blockId: block.id, path: "blocks", message: `Two blocks share the id "${block.id}"` });
    seen.add(block.id);
    if (block.type === "products" && block.source === "category" && !block.category) {
      issues.push({ blockId: block.id, path: "category", message: "Pick the category to show products from" });
    }
    if (block.showIf) {
      for (const message of conditionProblems(block.showIf, options)) issues.push({ blockId: block.id, path: "showIf", message });
    }
  }
  return issues;
}

const CONTACT_FIELDS: ReadonlySet<string> = new Set(CONTACT_CONDITION_FIELDS);
const SCORES: ReadonlySet<string> = new Set(KNOWN_SCORES);

export function conditionProblems(condition: Condition, options: ValidationOptions): string[] {
  switch (condition.type) {
    case "group":
      return condition.conditions.flatMap((inner) => conditionProblems(inner, options));
    case "score":
      return SCORES.has(condition.score) ? [] : [`Unknown score "${condition.score}"`];
    case "in_segment":
      return !options.segmentIds || options.segmentIds.includes(condition.segmentId) ? [] : [`Unknown segment "${condition.segmentId}"`];
    case "attribute": {
      const key = condition.field.startsWith("attributes.") ? condition.field.slice("attributes.".length) : null;
      if (key !== null && !options.attributeKeys.includes(key)) return [`Unknown contact attribute "${key}"`];
      if (key === null && !CONTACT_FIELDS.has(condition.field)) return [`Unknown contact field "${condition.field}"`];
      const needsValue = condition.operator !== "is_set" && condition.operator !== "is_not_set";
      return needsValue && condition.value === undefined ? [`Give a value to compare ${condition.field} with`] : [];
    }
  }
}
