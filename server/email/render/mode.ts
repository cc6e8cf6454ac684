import type { Block, ColumnChild, ProductsBlock } from "../document";

/** Variables a field sees besides the recipient's scope (a product card's `product`). */
export type FieldLocals = Record<string, unknown>;

/**
 * The one seam between the two ways a document becomes an email, for the HTML part (Node =
 * ReactNode) and the plain-text part (Node = string):
 * - template mode (compile time): fields stay Liquid, conditional blocks and product loops become
 *   Liquid tags — the react-email render runs once per template version;
 * - recipient mode (the reference path): fields are evaluated for one recipient, hidden blocks are
 *   left out and product cards repeated — the react-email render runs per recipient.
 * The block renderers are shared, so both paths emit the same markup around the same values.
 */
export type RenderMode<Node> = {
  field(source: string, locals?: FieldLocals): string;
  /** `index` numbers the document's conditional and products blocks (see blockIndexes). */
  conditional(index: number, content: Node): Node;
  products(block: ProductsBlock, index: number, renderCard: (locals?: FieldLocals) => Node, renderBlock: (cards: Node[]) => Node): Node;
};

/** Numbers conditional blocks and products blocks in walk order, shared by HTML and text. */
export function blockIndexes(blocks: readonly (Block | ColumnChild)[]): Map<string, number> {
  const indexes = new Map<string, number>();
  const visit = (list: readonly (Block | ColumnChild)[]) => {
    for (const block of list) {
      if (block.showIf || block.type === "products") indexes.set(block.id, indexes.size);
      if (block.type === "columns") for (const column of block.columns) visit(column.blocks);
    }
  };
  visit(blocks);
  return indexes;
}

/** Private-use characters mark field placeholders in template mode, so authored text may not carry them. */
export function stripMarkers(source: string): string {
  return /[\uE000\uE001]/.test(source) ? source.replace(/[\uE000\uE001]/g, "") : source;
}
