import { summarizeSegment } from "../segments/summary";
import type { Condition as SegmentCondition, SegmentNode } from "../segments/definition";
import { compileCondition, unavailableConditionReason, type ShowIf } from "./conditions";
import { walkBlocks, type EmailDocument } from "./document";
import { conditionFactsOf } from "./recipient";
import type { RecipientData } from "./scope";

/** A show-if condition in words, e.g. "whose city is New York and who are in VIP", with saved segments named. */
export function describeCondition(condition: ShowIf, segmentName?: (segmentId: string) => string | undefined): string {
  return summarizeSegment({ version: 1, root: condition }, { segmentName }).replace(/^Contacts /, "");
}

/** For the preview: whether one recipient sees a block, and why, in words. */
export type BlockVisibility = { blockId: string; shown: boolean; reason: string };

export type VisibilityOptions = { segmentName?: (segmentId: string) => string | undefined };

/** Every block of the document, in document order, shown or hidden for this recipient. */
export function blockVisibilityFor(document: EmailDocument, recipient: RecipientData, options: VisibilityOptions = {}): BlockVisibility[] {
  const facts = conditionFactsOf(recipient);
  return [...walkBlocks(document.blocks)].map((block) => {
    if (!block.showIf) return { blockId: block.id, shown: true, reason: "Shown to everyone" };
    const unavailable = firstUnavailable(block.showIf);
    if (unavailable) return { blockId: block.id, shown: false, reason: `Hidden: ${unavailable}` };
    const shown = compileCondition(block.showIf)(facts);
    const words = describeCondition(block.showIf, options.segmentName);
    return { blockId: block.id, shown, reason: shown ? `Shown: this contact is one ${words}` : `Hidden: shown only to contacts ${words}` };
  });
}

function firstUnavailable(node: SegmentNode): string | null {
  if (node.kind === "group") {
    for (const child of node.children) {
      const reason = firstUnavailable(child);
      if (reason) return reason;
    }
    return null;
  }
  return unavailableConditionReason(node as SegmentCondition);
}
