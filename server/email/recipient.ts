import { compileCondition, type ConditionFacts, type ConditionPredicate } from "./conditions";
import { walkBlocks, type EmailDocument } from "./document";
import { blockIndexes } from "./render/mode";
import { liquidScopeFor, VISIBILITY_MASK, type RecipientData, type SendContext } from "./scope";

/** One predicate per numbered block (null for products blocks without a condition). */
export function compileVisibility(document: EmailDocument): (ConditionPredicate | null)[] {
  const indexes = blockIndexes(document.blocks);
  const predicates: (ConditionPredicate | null)[] = new Array(indexes.size).fill(null);
  for (const block of walkBlocks(document.blocks)) {
    const index = indexes.get(block.id);
    if (index !== undefined && block.showIf) predicates[index] = compileCondition(block.showIf);
  }
  return predicates;
}

export function conditionFactsOf(recipient: RecipientData): ConditionFacts {
  return { contact: recipient.contact, scores: recipient.scores, segmentIds: recipient.segment_ids, now: Date.now() };
}

/** Which numbered blocks this recipient sees. */
export function visibilityMask(predicates: readonly (ConditionPredicate | null)[], recipient: RecipientData): boolean[] {
  const facts = conditionFactsOf(recipient);
  return predicates.map((predicate) => (predicate ? predicate(facts) : true));
}

/** The Liquid scope of one recipient, with the block-visibility mask the compiled template reads. */
export function recipientScope(recipient: RecipientData, send: SendContext, mask: readonly boolean[]) {
  const scope: ReturnType<typeof liquidScopeFor> & { [VISIBILITY_MASK]?: readonly boolean[] } = liquidScopeFor(recipient, send);
  scope[VISIBILITY_MASK] = mask;
  return scope;
}

/** Header-bound values (subject, sender name) never carry line breaks from contact data. */
export function singleLine(value: string): string {
  return /[\r\n]/.test(value) ? value.replace(/\s*[\r\n]+\s*/g, " ") : value;
}

/** What one recipient receives. */
export type RenderedEmail = { subject: string; preheader: string; senderName: string; html: string; text: string };
