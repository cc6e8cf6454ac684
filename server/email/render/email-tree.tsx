import type { ReactElement, ReactNode } from "react";
import type { EmailDocument } from "../document";
import { renderBlock } from "./blocks";
import { EmailLayout } from "./layout";
import { blockIndexes, type RenderMode } from "./mode";

/** The react-email tree of a document, with its fields and conditions resolved by `mode`. */
export function emailTree(document: EmailDocument, mode: RenderMode<ReactNode>): ReactElement {
  const ctx = { mode, theme: document.theme, indexes: blockIndexes(document.blocks) };
  return (
    <EmailLayout theme={document.theme} title={mode.field(document.subject)} preheader={mode.field(document.preheader)}>
      {document.blocks.map((block) => renderBlock(block, ctx))}
    </EmailLayout>
  );
}
