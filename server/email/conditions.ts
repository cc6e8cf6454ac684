import type { z } from "zod";
// The pure modules of the segments domain, not its index: this file reaches the browser bundle
// through document.ts, and the index pulls in the SQL compiler and the database client.
import { builtInField, customAttributeKey, groupSchema, type Condition as SegmentCondition, type Group, type SegmentNode } from "../segments/definition";
import { matchesPredicate } from "../segments/evaluate";

/*
 * Show-if conditions of email blocks ARE segment groups (server/segments/definition.ts): the
 * designer reuses the segment condition editor and one predicate semantics serves both. A block
 * is evaluated per recipient, in memory, so only conditions on data the recipient carries are
 * available: attributes, scores and segment membership (precomputed segment ids). Event facts
 * ("purchased twice in 30 days") reach emails through a segment; validate.ts says so.
 */

export type ShowIf = Group;
export const showIfSchema: z.ZodType<ShowIf> = groupSchema;

const EMAIL_CONDITION_KINDS = new Set<SegmentCondition["kind"]>(["attribute", "score", "segment"]);

/** Kinds a block condition cannot use, with the reason shown on the block. */
export function unavailableConditionReason(condition: SegmentCondition): string | null {
  if (EMAIL_CONDITION_KINDS.has(condition.kind)) return null;
  const what = condition.kind === "event" || condition.kind === "sequence" ? "Event conditions" : condition.kind === "consent" ? "Consent conditions" : "Suppression conditions";
  return `${what} are not available on email blocks: use a segment (save one with this condition and show the block to its members)`;
}

/** Contact fields a recipient carries; the other built-in fields (dates, external id) are not in an email's data. */
export const CONTACT_CONDITION_FIELDS = ["email", "first_name", "last_name", "phone", "locale", "time_zone", "country", "region", "city"] as const;
const RECIPIENT_FIELDS: ReadonlySet<string> = new Set(CONTACT_CONDITION_FIELDS);

export function isRecipientField(field: string): boolean {
  return builtInField(field) !== null ? RECIPIENT_FIELDS.has(field) : customAttributeKey(field) !== null;
}

/** What a condition is evaluated against: plain data, prepared once per recipient by the send job. */
export type ConditionFacts = {
  contact: Record<string, unknown> & { attributes?: Record<string, unknown> };
  scores: Record<string, unknown>;
  segmentIds: ReadonlySet<string>;
  /** Epoch ms, for date predicates ("within the last 30 days"). */
  now: number;
};

export type ConditionPredicate = (facts: ConditionFacts) => boolean;

/** Compiles a show-if group once into a predicate, so per-recipient evaluation does no dispatch on shape. */
export function compileCondition(node: SegmentNode): ConditionPredicate {
  if (node.kind === "group") {
    const parts = node.children.map(compileCondition);
    const negate = node.negate === true;
    if (parts.length === 0) return () => !negate;
    return node.op === "and" ? (facts) => parts.every((p) => p(facts)) !== negate : (facts) => parts.some((p) => p(facts)) !== negate;
  }
  switch (node.kind) {
    case "attribute": {
      const key = customAttributeKey(node.field);
      const field = node.field;
      return key !== null
        ? (facts) => matchesPredicate(facts.contact.attributes?.[key], node, facts.now)
        : (facts) => matchesPredicate(RECIPIENT_FIELDS.has(field) ? facts.contact[field] : null, node, facts.now);
    }
    case "score": {
      const field = node.field;
      return (facts) => matchesPredicate(facts.scores[field], node, facts.now);
    }
    case "segment": {
      const { segmentId, member } = node;
      return (facts) => facts.segmentIds.has(segmentId) === member;
    }
    default:
      // Refused by validation (unavailableConditionReason); a draft previewed anyway hides the block.
      return () => false;
  }
}

export function evaluateCondition(condition: ShowIf, facts: ConditionFacts): boolean {
  return compileCondition(condition)(facts);
}
