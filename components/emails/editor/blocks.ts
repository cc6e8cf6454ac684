import type { Block, ColumnChild, EmailDocument } from "@/server/email/document";

/*
 * Block types the palette offers and the blank block each one starts as. New blocks are valid
 * on their own (links and image URLs filled in), so adding one never creates an issue to fix.
 */

export type BlockType = Block["type"];
export type AnyBlock = Block | ColumnChild;
export type ColumnChildType = ColumnChild["type"];

const COLUMN_CHILD_TYPES: ReadonlySet<string> = new Set<ColumnChildType>(["heading", "text", "image", "button", "divider", "spacer"]);

export function canLiveInColumn(block: AnyBlock): block is ColumnChild {
  return COLUMN_CHILD_TYPES.has(block.type);
}

export const PALETTE: readonly { type: BlockType; label: string; description: string }[] = [
  { type: "heading", label: "Heading", description: "A title line" },
  { type: "text", label: "Text", description: "Paragraphs and lists with bold, italic and links" },
  { type: "image", label: "Image", description: "A picture, optionally linked" },
  { type: "button", label: "Button", description: "A call to action" },
  { type: "divider", label: "Divider", description: "A horizontal rule" },
  { type: "spacer", label: "Spacer", description: "Vertical space" },
  { type: "columns", label: "Columns", description: "Two or three columns of blocks" },
  { type: "offer", label: "Offer", description: "A banner with a headline, code and button" },
  { type: "products", label: "Products", description: "Recommendations, a category or best sellers" },
  { type: "footer", label: "Footer", description: "Unsubscribe link, postal address and social links" },
];

export function paletteLabel(type: BlockType): string {
  return PALETTE.find((entry) => entry.type === type)?.label ?? type;
}

const base = { style: {}, visibility: "all" as const };

/** A fresh block of `type` with the given id. */
export function newBlock(type: BlockType, id: string): Block {
  switch (type) {
    case "heading":
      return { ...base, id, type, level: 2, text: "A new heading" };
    case "text":
      return { ...base, id, type, content: [{ type: "paragraph", runs: [{ type: "text", text: "Write something here." }] }] };
    case "image":
      return { ...base, id, type, src: "https://placehold.co/600x240/png", alt: "", width: 600 };
    case "button":
      return { ...base, id, type, label: "Shop now", href: "https://example.com" };
    case "divider":
      return { ...base, id, type, thickness: 1 };
    case "spacer":
      return { ...base, id, type, height: 24 };
    case "columns":
      return { ...base, id, type, columns: [{ blocks: [] }, { blocks: [] }] };
    case "offer":
      return { ...base, id, type, headline: "20% off this week", text: "", imageAlt: "", code: "SAVE20", buttonLabel: "Use my code", buttonHref: "https://example.com" };
    case "products":
      return { ...base, id, type, title: "Picked for you", source: "recommendations", count: 4, fallback: "best_sellers", buttonLabel: "Shop now" };
    case "footer":
      return {
        ...base,
        id,
        type,
        note: "",
        social: [],
        postalAddress: "Your company · Street · City",
        unsubscribeLabel: "Unsubscribe",
        unsubscribeHref: "{{ unsubscribe_url }}",
        style: { align: "center" },
      };
  }
}

/** Every block id in use, column children included. */
export function blockIds(document: EmailDocument): Set<string> {
  const ids = new Set<string>();
  for (const block of document.blocks) {
    ids.add(block.id);
    if (block.type === "columns") for (const column of block.columns) for (const child of column.blocks) ids.add(child.id);
  }
  return ids;
}

/** `heading-3`: the type and the smallest number no block of the document uses yet. */
export function freshId(type: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${type}-${n}`;
    if (!taken.has(id)) return id;
  }
}
