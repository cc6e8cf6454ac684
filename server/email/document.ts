import { z } from "zod";
import { showIfSchema } from "./conditions";

/*
 * The email template document: one zod schema, the single source of truth for the designer UI,
 * the API, the compiler and the send worker. Every string called a "field" below may hold Liquid
 * (`{{ contact.first_name | default: "there" }}`) and is HTML-escaped when rendered.
 *
 * Rich text is stored as structured nodes (paragraphs and lists of runs; a run is plain, bold,
 * italic or a link), not as HTML or markdown: the renderer emits only the tags it knows, so there
 * is no sanitiser to get wrong and no parser to run at send time; every run is an ordinary
 * escaped Liquid field; a link's URL is validated like any other; and the shape maps one-to-one
 * onto a ProseMirror-style editor for the designer.
 */

export const EMAIL_DOCUMENT_VERSION = 1;

const field = (max = 2000) => z.string().max(max, `At most ${max} characters`);
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f2937");
const spacing = z.number().int().min(0).max(96);

export const blockIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Block ids are 1–40 letters, digits, - or _");

export const blockStyleSchema = z.object({
  padding: z.object({ top: spacing, right: spacing, bottom: spacing, left: spacing }).optional(),
  align: z.enum(["left", "center", "right"]).optional(),
  textColor: colorSchema.optional(),
  backgroundColor: colorSchema.optional(),
  fontSize: z.number().int().min(10).max(48).optional(),
});

export const visibilitySchema = z.enum(["all", "desktop_only", "mobile_only"]);

const blockBase = {
  id: blockIdSchema,
  style: blockStyleSchema.default({}),
  showIf: showIfSchema.optional(),
  visibility: visibilitySchema.default("all"),
};

const runMarks = { bold: z.boolean().optional(), italic: z.boolean().optional() };
export const richRunSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: field(), ...runMarks }),
  z.object({ type: z.literal("link"), text: field(), href: field(), ...runMarks }),
]);
const runsSchema = z.array(richRunSchema).max(50);
export const richNodeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), runs: runsSchema }),
  z.object({ type: z.literal("list"), ordered: z.boolean(), items: z.array(runsSchema).min(1).max(30) }),
]);

export const headingBlockSchema = z.object({ ...blockBase, type: z.literal("heading"), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: field(500) });
export const textBlockSchema = z.object({ ...blockBase, type: z.literal("text"), content: z.array(richNodeSchema).min(1).max(30) });
export const imageBlockSchema = z.object({
  ...blockBase,
  type: z.literal("image"),
  src: field(),
  alt: field(500),
  href: field().optional(),
  /** Display width in px; the 600 px layout caps it. */
  width: z.number().int().min(16).max(600).default(600),
});
export const buttonBlockSchema = z.object({
  ...blockBase,
  type: z.literal("button"),
  label: field(200),
  href: field(),
  buttonColor: colorSchema.optional(),
  buttonTextColor: colorSchema.optional(),
});
export const dividerBlockSchema = z.object({ ...blockBase, type: z.literal("divider"), color: colorSchema.optional(), thickness: z.number().int().min(1).max(8).default(1) });
export const spacerBlockSchema = z.object({ ...blockBase, type: z.literal("spacer"), height: z.number().int().min(4).max(160) });

export const columnChildSchema = z.discriminatedUnion("type", [headingBlockSchema, textBlockSchema, imageBlockSchema, buttonBlockSchema, dividerBlockSchema, spacerBlockSchema]);
export const columnsBlockSchema = z.object({
  ...blockBase,
  type: z.literal("columns"),
  columns: z.array(z.object({ blocks: z.array(columnChildSchema).max(10) })).min(2, "Columns hold 2 or 3 columns").max(3, "Columns hold 2 or 3 columns"),
});

export const offerBlockSchema = z.object({
  ...blockBase,
  type: z.literal("offer"),
  imageSrc: field().optional(),
  imageAlt: field(500).default(""),
  headline: field(500),
  text: field().default(""),
  code: field(100).optional(),
  buttonLabel: field(200),
  buttonHref: field(),
});

/** `cart` lists the contact's abandoned cart (`cart.items`, each with a quantity). */
export const productSourceSchema = z.enum(["recommendations", "category", "best_sellers", "cart"]);
export const productsBlockSchema = z.object({
  ...blockBase,
  type: z.literal("products"),
  title: field(500).default(""),
  source: productSourceSchema,
  /** Required when source is "category". */
  category: z.string().regex(/^[^"\\{}%]{1,100}$/, "Category names cannot hold quotes, braces or %").optional(),
  count: z.number().int().min(1).max(8),
  /** Shown when the contact has no recommendations (or the category is empty). */
  fallback: z.enum(["best_sellers", "hide"]).default("best_sellers"),
  buttonLabel: field(100).default("Shop now"),
});

export const socialNetworkSchema = z.enum(["facebook", "instagram", "x", "tiktok", "youtube", "linkedin", "pinterest"]);
export const footerBlockSchema = z.object({
  ...blockBase,
  type: z.literal("footer"),
  note: field().default(""),
  social: z.array(z.object({ network: socialNetworkSchema, href: field() })).max(7).default([]),
  postalAddress: field(500),
  unsubscribeLabel: field(100).default("Unsubscribe"),
  unsubscribeHref: field().default("{{ unsubscribe_url }}"),
});

export const blockSchema = z.discriminatedUnion("type", [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
  columnsBlockSchema,
  offerBlockSchema,
  productsBlockSchema,
  footerBlockSchema,
]);

export const themeSchema = z.object({
  backgroundColor: colorSchema.default("#f4f4f5"),
  contentBackgroundColor: colorSchema.default("#ffffff"),
  textColor: colorSchema.default("#1f2937"),
  linkColor: colorSchema.default("#2563eb"),
  accentColor: colorSchema.default("#111827"),
  fontFamily: z.enum(["sans", "serif"]).default("sans"),
});

export const emailDocumentSchema = z.object({
  version: z.literal(EMAIL_DOCUMENT_VERSION),
  subject: field(300).min(1, "Write a subject"),
  preheader: field(300).default(""),
  senderName: field(100).min(1, "Write a sender name"),
  theme: themeSchema.default(themeSchema.parse({})),
  blocks: z.array(blockSchema).min(1, "Add at least one block").max(100),
});

export type RichRun = z.infer<typeof richRunSchema>;
export type RichNode = z.infer<typeof richNodeSchema>;
export type BlockStyle = z.infer<typeof blockStyleSchema>;
export type Visibility = z.infer<typeof visibilitySchema>;
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type ImageBlock = z.infer<typeof imageBlockSchema>;
export type ButtonBlock = z.infer<typeof buttonBlockSchema>;
export type DividerBlock = z.infer<typeof dividerBlockSchema>;
export type SpacerBlock = z.infer<typeof spacerBlockSchema>;
export type ColumnChild = z.infer<typeof columnChildSchema>;
export type ColumnsBlock = z.infer<typeof columnsBlockSchema>;
export type OfferBlock = z.infer<typeof offerBlockSchema>;
export type ProductsBlock = z.infer<typeof productsBlockSchema>;
export type FooterBlock = z.infer<typeof footerBlockSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type EmailDocument = z.infer<typeof emailDocumentSchema>;
/** The document as typed in (defaults not yet applied): what starters and the designer build. */
export type EmailDocumentInput = z.input<typeof emailDocumentSchema>;

/**
 * Parses a stored or submitted document. Older versions are migrated here when the schema's
 * `version` moves on; today there is only version 1.
 */
export function parseEmailDocument(input: unknown): EmailDocument {
  return emailDocumentSchema.parse(input);
}

/** Every block in document order, column children right after their columns block. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block | ColumnChild> {
  for (const block of blocks) {
    yield block;
    if (block.type === "columns") for (const column of block.columns) yield* column.blocks;
  }
}
