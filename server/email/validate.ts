import { validateSegmentDefinition } from "../segments/validate";
import type { SegmentNode } from "../segments/definition";
import { isRecipientField, unavailableConditionReason, type ShowIf } from "./conditions";
import { walkBlocks, type EmailDocument } from "./document";
import { documentFields } from "./fields";

/** A rule the document breaks, tied to the block (and field) to highlight in the designer. */
export type DocumentIssue = {
  blockId: string | null;
  path: string;
  message: string;
  /** Set on what renders anyway and only deserves a look (an attribute no contact has yet). */
  warning?: true;
};

export type ValidationOptions = {
  attributeKeys: readonly string[];
  /** When given, segment conditions must name one of these saved segments. */
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
      for (const problem of conditionProblems(block.showIf, options)) issues.push({ blockId: block.id, path: "showIf", ...problem });
    }
  }
  return issues;
}

/**
 * What is wrong with a show-if condition: the segment rules (operators for the value type,
 * operands), then what an email can evaluate (no event facts, fields the recipient carries,
 * attributes and saved segments the workspace has).
 */
type ConditionProblem = { message: string; warning?: true };

export function conditionProblems(condition: ShowIf, options: ValidationOptions): ConditionProblem[] {
  const result = validateSegmentDefinition({ version: 1, root: condition });
  const segmentRules = result.ok ? [] : result.issues.map((issue) => ({ message: `${conditionLabel(issue.path)}: ${issue.message}` }));
  return [...segmentRules, ...emailProblems(condition, "root", options)];
}

/** Each problem names its condition as the editor numbers it ("Condition 2.1: …"), however deep the group. */
function emailProblems(node: SegmentNode, path: string, options: ValidationOptions): ConditionProblem[] {
  if (node.kind === "group") return node.children.flatMap((child, i) => emailProblems(child, `${path}.children[${i}]`, options));
  const label = conditionLabel(path);
  const problem = conditionProblem(node, options);
  if (problem === null) return [];
  return [typeof problem === "string" ? { message: `${label}: ${problem}` } : { ...problem, message: `${label}: ${problem.message}` }];
}

function conditionProblem(node: Exclude<SegmentNode, { kind: "group" }>, options: ValidationOptions): string | ConditionProblem | null {
  const unavailable = unavailableConditionReason(node);
  if (unavailable) return unavailable;
  if (node.kind === "segment") {
    return !options.segmentIds || options.segmentIds.includes(node.segmentId) ? null : `Unknown segment "${node.segmentId}"`;
  }
  if (node.kind === "attribute") {
    const key = node.field.startsWith("attributes.") ? node.field.slice("attributes.".length) : null;
    if (key !== null) return options.attributeKeys.includes(key) ? null : { message: `No contact has the attribute "${key}" yet`, warning: true };
    return isRecipientField(node.field) ? null : `The contact field "${node.field}" is not available in emails`;
  }
  return null;
}

/** "root.children[1].children[0]" → "Condition 2.1", as the condition editor numbers them. */
function conditionLabel(path: string): string {
  const numbers = [...path.matchAll(/children\[(\d+)\]/g)].map((match) => Number(match[1]) + 1);
  return numbers.length === 0 ? "Condition" : `Condition ${numbers.join(".")}`;
}
