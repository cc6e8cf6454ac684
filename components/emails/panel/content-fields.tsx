"use client";

import type { Block, ButtonBlock, HeadingBlock, ImageBlock, OfferBlock, ProductsBlock } from "@/server/email/document";
import { Field, Input, Select } from "../../ui/field";
import type { AnyBlock } from "../editor/blocks";
import { useDesigner } from "../designer/designer-context";
import { ColumnsContent } from "./columns-content";
import { FooterContent } from "./footer-content";
import { PlainField } from "./plain-field";
import { RichTextEditor } from "./rich-text-editor";
import { TokenInput } from "./token-input";
import { useBlockUpdate } from "./use-block-update";

/** The content part of the side panel: one editor per block type. */
export function ContentFields({ block }: { block: AnyBlock }) {
  switch (block.type) {
    case "heading":
      return <HeadingContent block={block} />;
    case "text":
      return <TextContent block={block} />;
    case "image":
      return <ImageContent block={block} />;
    case "button":
      return <ButtonContent block={block} />;
    case "divider":
      return <NumberField blockId={block.id} name="thickness" label="Thickness (px)" value={block.thickness} min={1} max={8} />;
    case "spacer":
      return <NumberField blockId={block.id} name="height" label="Height (px)" value={block.height} min={4} max={160} />;
    case "columns":
      return <ColumnsContent block={block} />;
    case "offer":
      return <OfferContent block={block} />;
    case "products":
      return <ProductsContent block={block} />;
    case "footer":
      return <FooterContent block={block} />;
  }
}

function HeadingContent({ block }: { block: HeadingBlock }) {
  const update = useBlockUpdate<HeadingBlock>(block.id);
  const { readOnly } = useDesigner();
  return (
    <>
      <TokenInput id={`${block.id}-text`} label="Heading text" value={block.text} onChange={(text) => update({ text }, "text")} />
      <Field id={`${block.id}-level`} label="Level">
        <Select id={`${block.id}-level`} value={block.level} disabled={readOnly} onChange={(e) => update({ level: Number(e.target.value) as HeadingBlock["level"] })}>
          <option value={1}>Title (H1)</option>
          <option value={2}>Heading (H2)</option>
          <option value={3}>Subheading (H3)</option>
        </Select>
      </Field>
    </>
  );
}

function TextContent({ block }: { block: Extract<Block, { type: "text" }> }) {
  const update = useBlockUpdate<typeof block>(block.id);
  return <RichTextEditor blockId={block.id} nodes={block.content} onChange={(content, field) => update({ content }, field)} />;
}

function NumberField({ blockId, name, label, value, min, max }: { blockId: string; name: string; label: string; value: number; min: number; max: number }) {
  const update = useBlockUpdate<AnyBlock>(blockId);
  const { readOnly } = useDesigner();
  const id = `${blockId}-${name}`;
  return (
    <Field id={id} label={label}>
      <Input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value}
        disabled={readOnly}
        onChange={(e) => {
          const next = Number(e.target.value);
          if (Number.isInteger(next)) update({ [name]: Math.max(min, Math.min(max, next)) } as Partial<AnyBlock>, name);
        }}
      />
    </Field>
  );
}

function ImageContent({ block }: { block: ImageBlock }) {
  const update = useBlockUpdate<ImageBlock>(block.id);
  return (
    <>
      <PlainField blockId={block.id} name="src" label="Image URL" value={block.src} onChange={(src) => update({ src }, "src")} hint="An https:// address of the picture." />
      <TokenInput id={`${block.id}-alt`} label="Alt text" value={block.alt} onChange={(alt) => update({ alt }, "alt")} />
      <PlainField blockId={block.id} name="href" label="Link (optional)" value={block.href ?? ""} onChange={(href) => update({ href: href === "" ? undefined : href }, "href")} />
      <NumberField blockId={block.id} name="width" label="Width (px)" value={block.width} min={16} max={600} />
    </>
  );
}

function ButtonContent({ block }: { block: ButtonBlock }) {
  const update = useBlockUpdate<ButtonBlock>(block.id);
  return (
    <>
      <TokenInput id={`${block.id}-label`} label="Button label" value={block.label} onChange={(label) => update({ label }, "label")} />
      <TokenInput id={`${block.id}-href`} label="Link" value={block.href} onChange={(href) => update({ href }, "href")} />
    </>
  );
}

function OfferContent({ block }: { block: OfferBlock }) {
  const update = useBlockUpdate<OfferBlock>(block.id);
  return (
    <>
      <TokenInput id={`${block.id}-headline`} label="Headline" value={block.headline} onChange={(headline) => update({ headline }, "headline")} />
      <TokenInput id={`${block.id}-text`} label="Text" value={block.text} multiline onChange={(text) => update({ text }, "text")} />
      <TokenInput id={`${block.id}-code`} label="Code (optional)" value={block.code ?? ""} onChange={(code) => update({ code: code === "" ? undefined : code }, "code")} />
      <PlainField blockId={block.id} name="imageSrc" label="Image URL (optional)" value={block.imageSrc ?? ""} onChange={(src) => update({ imageSrc: src === "" ? undefined : src }, "imageSrc")} />
      <PlainField blockId={block.id} name="imageAlt" label="Image alt text" value={block.imageAlt} onChange={(imageAlt) => update({ imageAlt }, "imageAlt")} />
      <TokenInput id={`${block.id}-button-label`} label="Button label" value={block.buttonLabel} onChange={(buttonLabel) => update({ buttonLabel }, "buttonLabel")} />
      <TokenInput id={`${block.id}-button-href`} label="Button link" value={block.buttonHref} onChange={(buttonHref) => update({ buttonHref }, "buttonHref")} />
    </>
  );
}

const SOURCES = { recommendations: "The contact's recommendations", category: "A category", best_sellers: "Best sellers", cart: "The contact's abandoned cart" } as const;

function ProductsContent({ block }: { block: ProductsBlock }) {
  const update = useBlockUpdate<ProductsBlock>(block.id);
  const { readOnly } = useDesigner();
  return (
    <>
      <TokenInput id={`${block.id}-title`} label="Title" value={block.title} onChange={(title) => update({ title }, "title")} />
      <Field id={`${block.id}-source`} label="Products from">
        <Select id={`${block.id}-source`} value={block.source} disabled={readOnly} onChange={(e) => update({ source: e.target.value as ProductsBlock["source"] })}>
          {Object.entries(SOURCES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {block.source === "category" ? (
        <PlainField blockId={block.id} name="category" label="Category" value={block.category ?? ""} onChange={(category) => update({ category: category === "" ? undefined : category }, "category")} />
      ) : null}
      <NumberField blockId={block.id} name="count" label="Number of products" value={block.count} min={1} max={8} />
      <Field id={`${block.id}-fallback`} label="When there are none">
        <Select id={`${block.id}-fallback`} value={block.fallback} disabled={readOnly} onChange={(e) => update({ fallback: e.target.value as ProductsBlock["fallback"] })}>
          <option value="best_sellers">Show best sellers</option>
          <option value="hide">Hide the block</option>
        </Select>
      </Field>
      <TokenInput id={`${block.id}-button`} label="Button label" value={block.buttonLabel} onChange={(buttonLabel) => update({ buttonLabel }, "buttonLabel")} hint="May use {{ product.name }}." />
    </>
  );
}
