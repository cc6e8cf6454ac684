import type { Block, ColumnChild, EmailDocument, RichNode } from "./document";

/** How a field is used: URLs get URL rules on top of the Liquid rules. */
export type FieldKind = "text" | "link" | "image";

/** One authored string that may hold Liquid, with where it lives (for highlighting in the designer). */
export type DocumentField = {
  /** Null for the document-level fields (subject, preheader, sender name). */
  blockId: string | null;
  /** Dotted path into the document, e.g. `blocks.2.content.0.runs.1.href`. */
  path: string;
  kind: FieldKind;
  source: string;
  /** Variables the renderer provides around this field (a product card's `product`). */
  locals?: readonly string[];
};

function richTextFields(blockId: string, path: string, nodes: readonly RichNode[]): DocumentField[] {
  return nodes.flatMap((node, n) => {
    const runLists = node.type === "paragraph" ? [{ runs: node.runs, at: `${path}.${n}.runs` }] : node.items.map((runs, i) => ({ runs, at: `${path}.${n}.items.${i}` }));
    return runLists.flatMap(({ runs, at }) =>
      runs.flatMap((run, r): DocumentField[] => [
        { blockId, path: `${at}.${r}.text`, kind: "text", source: run.text },
        ...(run.type === "link" ? [{ blockId, path: `${at}.${r}.href`, kind: "link" as const, source: run.href }] : []),
      ]),
    );
  });
}

export function blockFields(block: Block | ColumnChild, path: string): DocumentField[] {
  const id = block.id;
  const f = (name: string, source: string, kind: FieldKind = "text"): DocumentField => ({ blockId: id, path: `${path}.${name}`, kind, source });
  switch (block.type) {
    case "heading":
      return [f("text", block.text)];
    case "text":
      return richTextFields(id, `${path}.content`, block.content);
    case "image":
      return [f("src", block.src, "image"), f("alt", block.alt), ...(block.href !== undefined ? [f("href", block.href, "link")] : [])];
    case "button":
      return [f("label", block.label), f("href", block.href, "link")];
    case "divider":
    case "spacer":
      return [];
    case "columns":
      return block.columns.flatMap((column, c) => column.blocks.flatMap((child, b) => blockFields(child, `${path}.columns.${c}.blocks.${b}`)));
    case "offer":
      return [
        ...(block.imageSrc !== undefined ? [f("imageSrc", block.imageSrc, "image")] : []),
        f("imageAlt", block.imageAlt),
        f("headline", block.headline),
        f("text", block.text),
        ...(block.code !== undefined ? [f("code", block.code)] : []),
        f("buttonLabel", block.buttonLabel),
        f("buttonHref", block.buttonHref, "link"),
      ];
    case "products":
      return [f("title", block.title), { ...f("buttonLabel", block.buttonLabel), locals: ["product"] }];
    case "footer":
      return [
        f("note", block.note),
        ...block.social.map((link, i) => f(`social.${i}.href`, link.href, "link")),
        f("postalAddress", block.postalAddress),
        f("unsubscribeLabel", block.unsubscribeLabel),
        f("unsubscribeHref", block.unsubscribeHref, "link"),
      ];
  }
}

/** Every Liquid-bearing field of a document, in document order. */
export function documentFields(document: EmailDocument): DocumentField[] {
  return [
    { blockId: null, path: "subject", kind: "text", source: document.subject },
    { blockId: null, path: "preheader", kind: "text", source: document.preheader },
    { blockId: null, path: "senderName", kind: "text", source: document.senderName },
    ...document.blocks.flatMap((block, i) => blockFields(block, `blocks.${i}`)),
  ];
}
