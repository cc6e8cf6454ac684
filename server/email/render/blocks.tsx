import { Button, Column, Heading, Hr, Img, Link, Row, Section, Text } from "@react-email/components";
import { Fragment, type CSSProperties, type ReactElement, type ReactNode } from "react";
import type { Block, BlockStyle, ColumnChild, FooterBlock, OfferBlock, ProductsBlock, RichNode, RichRun, Theme } from "../document";
import type { FieldLocals, RenderMode } from "./mode";

/** Everything a block needs besides itself; built once per render. */
export type BlockContext = {
  mode: RenderMode<ReactNode>;
  theme: Theme;
  indexes: ReadonlyMap<string, number>;
};

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;
const DEFAULT_PADDING = { top: 12, right: 24, bottom: 12, left: 24 };
const SOCIAL_LABELS = { facebook: "Facebook", instagram: "Instagram", x: "X", tiktok: "TikTok", youtube: "YouTube", linkedin: "LinkedIn", pinterest: "Pinterest" } as const;

/** Hidden by default so clients that drop <style> never show both variants; the media query reveals it. */
const MOBILE_ONLY_STYLE: CSSProperties = { display: "none", maxHeight: 0, overflow: "hidden", msoHide: "all" } as CSSProperties;

function textStyle(style: BlockStyle, theme: Theme, fontSize: number): CSSProperties {
  return { margin: 0, color: style.textColor ?? theme.textColor, fontSize, lineHeight: 1.5, textAlign: style.align ?? "left" };
}

/** The row every block sits in: padding, background, alignment and device visibility. */
function BlockFrame({ block, children }: { block: Block | ColumnChild; children: ReactNode }) {
  const padding = block.style.padding ?? DEFAULT_PADDING;
  const className = [block.style.textColor ? null : "tl-text", block.visibility === "all" ? null : `tl-${block.visibility.replace("_", "-")}`].filter(Boolean).join(" ");
  return (
    <Section
      className={className || undefined}
      style={{
        ...(block.visibility === "mobile_only" ? MOBILE_ONLY_STYLE : {}),
        ...(block.style.backgroundColor ? { backgroundColor: block.style.backgroundColor } : {}),
        padding: `${padding.top}px ${padding.right}px ${padding.bottom}px ${padding.left}px`,
        textAlign: block.style.align ?? "left",
      }}
    >
      {children}
    </Section>
  );
}

function Run({ run, ctx, color }: { run: RichRun; ctx: BlockContext; color: string }) {
  const text = ctx.mode.field(run.text);
  let content: ReactElement = <span>{text}</span>;
  if (run.italic) content = <em>{content}</em>;
  if (run.bold) content = <strong>{content}</strong>;
  if (run.type === "link") {
    return (
      <Link href={ctx.mode.field(run.href)} style={{ color, textDecoration: "underline" }}>
        {content}
      </Link>
    );
  }
  return content;
}

function runs(list: readonly RichRun[], ctx: BlockContext) {
  return list.map((run, i) => <Run key={i} run={run} ctx={ctx} color={ctx.theme.linkColor} />);
}

function RichText({ nodes, block, ctx }: { nodes: readonly RichNode[]; block: Block | ColumnChild; ctx: BlockContext }) {
  const base = textStyle(block.style, ctx.theme, block.style.fontSize ?? 16);
  return nodes.map((node, n) => {
    const spaced = { ...base, marginTop: n === 0 ? 0 : 12 };
    if (node.type === "paragraph") {
      return (
        <Text key={n} style={spaced}>
          {runs(node.runs, ctx)}
        </Text>
      );
    }
    const items = node.items.map((item, i) => <li key={i}>{runs(item, ctx)}</li>);
    const listStyle = { ...spaced, paddingLeft: 24 };
    return node.ordered ? (
      <ol key={n} style={listStyle}>
        {items}
      </ol>
    ) : (
      <ul key={n} style={listStyle}>
        {items}
      </ul>
    );
  });
}

function EmailButton({ label, href, align, background, color }: { label: string; href: string; align: string; background: string; color: string }) {
  return (
    <Section style={{ textAlign: align as CSSProperties["textAlign"] }}>
      <Button href={href} style={{ backgroundColor: background, color, padding: "12px 24px", borderRadius: 6, fontWeight: 600, fontSize: 16, textDecoration: "none", display: "inline-block" }}>
        {label}
      </Button>
    </Section>
  );
}

function OfferContent({ block, ctx }: { block: OfferBlock; ctx: BlockContext }) {
  const { mode, theme } = ctx;
  const color = block.style.textColor ?? theme.textColor;
  return (
    <>
      {block.imageSrc !== undefined ? <Img src={mode.field(block.imageSrc)} alt={mode.field(block.imageAlt)} width={552} style={{ width: "100%", maxWidth: 552, height: "auto", margin: "0 auto 16px" }} /> : null}
      <Heading as="h2" style={{ ...textStyle(block.style, theme, 24), textAlign: "center", marginBottom: 8 }}>
        {mode.field(block.headline)}
      </Heading>
      {block.text !== "" ? <Text style={{ ...textStyle(block.style, theme, 16), textAlign: "center", marginBottom: 12 }}>{mode.field(block.text)}</Text> : null}
      {block.code !== undefined ? (
        <Text style={{ margin: "0 auto 16px", padding: "8px 16px", border: `2px dashed ${color}`, color, fontFamily: "Menlo, Consolas, monospace", fontSize: 20, fontWeight: 700, letterSpacing: 2, textAlign: "center" }}>
          {mode.field(block.code)}
        </Text>
      ) : null}
      <EmailButton label={mode.field(block.buttonLabel)} href={mode.field(block.buttonHref)} align="center" background={theme.accentColor} color="#ffffff" />
    </>
  );
}

const PRODUCT_FIELDS = {
  name: "{{ product.name }}",
  price: "{{ product.price | money: product.currency }}",
  image: "{{ product.image_url | safe_url }}",
  url: "{{ product.url | safe_url }}",
};

function ProductCard({ block, ctx, locals }: { block: ProductsBlock; ctx: BlockContext; locals?: FieldLocals }) {
  const { mode, theme } = ctx;
  const name = mode.field(PRODUCT_FIELDS.name, locals);
  const url = mode.field(PRODUCT_FIELDS.url, locals);
  return (
    <Row style={{ marginBottom: 16 }}>
      <Column className="tl-column" style={{ width: 136, verticalAlign: "top" }}>
        <Link href={url}>
          <Img src={mode.field(PRODUCT_FIELDS.image, locals)} alt={name} width={120} style={{ width: 120, height: "auto", borderRadius: 6 }} />
        </Link>
      </Column>
      <Column className="tl-column" style={{ verticalAlign: "top" }}>
        <Text style={{ ...textStyle(block.style, theme, 16), fontWeight: 600 }}>{name}</Text>
        <Text style={{ ...textStyle(block.style, theme, 15), marginBottom: 8 }}>{mode.field(PRODUCT_FIELDS.price, locals)}</Text>
        <Link href={url} style={{ color: theme.linkColor, textDecoration: "underline", fontWeight: 600 }}>
          {mode.field(block.buttonLabel, locals)}
        </Link>
      </Column>
    </Row>
  );
}

function Products({ block, ctx }: { block: ProductsBlock; ctx: BlockContext }) {
  const index = ctx.indexes.get(block.id) ?? 0;
  const title = block.title !== "" ? ctx.mode.field(block.title) : null;
  return ctx.mode.products(
    block,
    index,
    (locals) => <ProductCard block={block} ctx={ctx} locals={locals} />,
    (cards) => (
      <BlockFrame block={block}>
        {title !== null ? (
          <Heading as="h2" style={{ ...textStyle(block.style, ctx.theme, 22), marginBottom: 16 }}>
            {title}
          </Heading>
        ) : null}
        {cards}
      </BlockFrame>
    ),
  );
}

function Footer({ block, ctx }: { block: FooterBlock; ctx: BlockContext }) {
  const { mode, theme } = ctx;
  const small = { ...textStyle(block.style, theme, block.style.fontSize ?? 13), marginBottom: 8 };
  const link = { color: theme.linkColor, textDecoration: "underline" };
  return (
    <>
      {block.note !== "" ? <Text style={small}>{mode.field(block.note)}</Text> : null}
      {block.social.length > 0 ? (
        <Text style={small}>
          {block.social.map((item, i) => (
            <Link key={i} href={mode.field(item.href)} style={{ ...link, marginRight: 12 }}>
              {SOCIAL_LABELS[item.network]}
            </Link>
          ))}
        </Text>
      ) : null}
      <Text style={small}>{mode.field(block.postalAddress)}</Text>
      <Text style={{ ...small, marginBottom: 0 }}>
        <Link href={mode.field(block.unsubscribeHref)} style={link}>
          {mode.field(block.unsubscribeLabel)}
        </Link>
      </Text>
    </>
  );
}

function blockContent(block: Block | ColumnChild, ctx: BlockContext): ReactNode {
  const { mode, theme } = ctx;
  switch (block.type) {
    case "heading":
      return (
        <Heading as={`h${block.level}`} style={textStyle(block.style, theme, block.style.fontSize ?? HEADING_SIZES[block.level])}>
          {mode.field(block.text)}
        </Heading>
      );
    case "text":
      return <RichText nodes={block.content} block={block} ctx={ctx} />;
    case "image": {
      const image = <Img src={mode.field(block.src)} alt={mode.field(block.alt)} width={block.width} style={{ width: "100%", maxWidth: block.width, height: "auto", margin: block.style.align === "center" ? "0 auto" : undefined }} />;
      return block.href !== undefined ? <Link href={mode.field(block.href)}>{image}</Link> : image;
    }
    case "button":
      return <EmailButton label={mode.field(block.label)} href={mode.field(block.href)} align={block.style.align ?? "left"} background={block.buttonColor ?? theme.accentColor} color={block.buttonTextColor ?? "#ffffff"} />;
    case "divider":
      return <Hr style={{ borderTop: `${block.thickness}px solid ${block.color ?? "#e5e7eb"}`, margin: 0 }} />;
    case "spacer":
      return <div style={{ height: block.height, lineHeight: `${block.height}px`, fontSize: 1 }}>{"\u00a0"}</div>;
    case "columns": {
      const width = `${Math.floor(100 / block.columns.length)}%`;
      return (
        <Row>
          {block.columns.map((column, c) => (
            <Column key={c} className="tl-column" style={{ width, verticalAlign: "top" }}>
              {column.blocks.map((child) => renderBlock(child, ctx))}
            </Column>
          ))}
        </Row>
      );
    }
    case "offer":
      return <OfferContent block={block} ctx={ctx} />;
    case "footer":
      return <Footer block={block} ctx={ctx} />;
    case "products":
      return null;
  }
}

/** One block as a React element (products blocks draw their own frame around their cards). */
export function renderBlock(block: Block | ColumnChild, ctx: BlockContext): ReactNode {
  const element = block.type === "products" ? <Products block={block} ctx={ctx} /> : <BlockFrame block={block}>{blockContent(block, ctx)}</BlockFrame>;
  const index = ctx.indexes.get(block.id);
  return <Fragment key={block.id}>{block.showIf && index !== undefined ? ctx.mode.conditional(index, element) : element}</Fragment>;
}
