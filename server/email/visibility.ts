import { compileCondition, type Condition } from "./conditions";
import { walkBlocks, type EmailDocument } from "./document";
import { conditionFactsOf } from "./recipient";
import type { RecipientData } from "./scope";

const OPERATOR_WORDS = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  gt: "is over",
  gte: "is at least",
  lt: "is under",
  lte: "is at most",
  in: "is one of",
  is_set: "is set",
  is_not_set: "is not set",
} as const;

/** A condition in words, for the preview's "why is this block hidden" note. */
export function describeCondition(condition: Condition): string {
  switch (condition.type) {
    case "group": {
      const parts = condition.conditions.map((inner) => (inner.type === "group" ? `(${describeCondition(inner)})` : describeCondition(inner)));
      return parts.join(condition.match === "all" ? " and " : " or ");
    }
    case "in_segment":
      return `${condition.negate ? "not in" : "in"} segment ${condition.segmentId}`;
    case "score":
      return `score ${condition.score} ${OPERATOR_WORDS[condition.operator]} ${condition.value}`;
    case "attribute": {
      const value = condition.operator === "is_set" || condition.operator === "is_not_set" ? "" : ` ${Array.isArray(condition.value) ? condition.value.join(", ") : String(condition.value ?? "")}`;
      return `${condition.field.replace("attributes.", "")} ${OPERATOR_WORDS[condition.operator]}${value}`;
    }
  }
}

/** `condition` is the show-if rule in words: the preview says "hidden — shown when …". */
export type BlockVisibility = { blockId: string; shown: boolean; condition: string };

/** For the preview: which conditional blocks one contact sees, and the condition deciding it. */
export function blockVisibilityFor(document: EmailDocument, recipient: RecipientData): BlockVisibility[] {
  const facts = conditionFactsOf(recipient);
  return [...walkBlocks(document.blocks)]
    .filter((block) => block.showIf)
    .map((block) => {
      const condition = block.showIf as Condition;
      return { blockId: block.id, shown: compileCondition(condition)(facts), condition: describeCondition(condition) };
    });
}
