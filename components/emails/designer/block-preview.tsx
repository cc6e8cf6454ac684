import type { CSSProperties } from "react";
import type { BlockStyle, RichRun, Theme } from "@/server/email/document";
import type { AnyBlock } from "../editor/blocks";
import { LiquidText } from "./liquid-text";

const SOURCE_WORDS = { recommendations: "the contact's recommendations", category: "a category", best_sellers: "best sellers", cart: "the contact's cart" } as const;
const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;

function boxStyle(style: BlockStyle | undefined): CSSProperties {
  const padding = style?.padding;
  return {
    padding: padding ? `${padding.top}px ${padding.right}px ${padding.bottom}px ${padding.left}px` : "8px 12px",
    textAlign: style?.align,
    color: style?.textColor,
    backgroundColor: style?.backgroundColor,
    fontSize: style?.fontSize,
  };
}

function Run({ run, theme }: { run: RichRun; theme: Theme }) {
  const text = <LiquidText text={run.text} />;
  const marked = run.bold ? <strong>{run.italic ? <em>{text}</em> : text}</strong> : run.italic ? <em>{text}</em> : text;
  return run.type === "link" ? (
    <span className="underline" style={{ color: theme.linkColor }}>
      {marked}
    </span>
  ) : (
    marked
  );
}

/** A block as an editable preview on the canvas: close to the email's look, not its final HTML. */
export function BlockPreview({ block, theme }: { block: AnyBlock; theme: Theme }) {
  const style = boxStyle(block.style);
  const font = theme.fontFamily === "serif" ? "Georgia, serif" : undefined;
  switch (block.type) {
    case "heading":
      return (
        <div style={{ ...style, fontFamily: font, fontSize: block.style?.fontSize ?? HEADING_SIZES[block.level], fontWeight: 700 }}>
          <LiquidText text={block.text} />
        </div>
      );
    case "text":
      return (
        <div style={{ ...style, fontFamily: font }} className="space-y-2 text-sm">
          {block.content.map((node, n) =>
            node.type === "paragraph" ? (
              <p key={n}>{node.runs.map((run, r) => <Run key={r} run={run} theme={theme} />)}</p>
            ) : (
              <div key={n} className={`pl-5 ${node.ordered ? "list-decimal" : "list-disc"}`}>
                {node.items.map((runs, i) => (
                  <div key={i} style={{ display: "list-item" }}>
                    {runs.map((run, r) => <Run key={r} run={run} theme={theme} />)}
                  </div>
                ))}
              </div>
            ),
          )}
        </div>
      );
    case "image":
      return (
        <div style={style}>
          <div className="flex h-24 items-center justify-center rounded bg-slate-200 text-xs text-slate-700" style={{ maxWidth: block.width }}>
            Image{block.alt ? `: ${block.alt}` : " (no alt text)"}
          </div>
        </div>
      );
    case "button":
      return (
        <div style={{ ...style, textAlign: block.style?.align ?? "center" }}>
          <span className="inline-block rounded px-4 py-2 text-sm font-semibold" style={{ backgroundColor: block.buttonColor ?? theme.accentColor, color: block.buttonTextColor ?? "#ffffff" }}>
            <LiquidText text={block.label} />
          </span>
        </div>
      );
    case "divider":
      return (
        <div style={style}>
          <hr style={{ borderTopWidth: block.thickness, borderColor: block.color ?? "#e5e7eb" }} />
        </div>
      );
    case "spacer":
      return <div style={{ height: block.height }} className="bg-[repeating-linear-gradient(45deg,transparent,transparent_6px,#e2e8f0_6px,#e2e8f0_7px)]" aria-hidden="true" />;
    case "columns":
      return null;
    case "offer":
      return (
        <div style={{ ...style, backgroundColor: block.style?.backgroundColor ?? "#fef3c7" }} className="space-y-1 rounded text-center text-sm">
          <p className="text-lg font-bold">
            <LiquidText text={block.headline} />
          </p>
          {block.text ? <p><LiquidText text={block.text} /></p> : null}
          {block.code ? <p className="font-mono font-semibold">Code: <LiquidText text={block.code} /></p> : null}
          <span className="inline-block rounded px-3 py-1 font-semibold text-white" style={{ backgroundColor: theme.accentColor }}>
            <LiquidText text={block.buttonLabel} />
          </span>
        </div>
      );
    case "products":
      return (
        <div style={style} className="text-sm">
          {block.title ? <p className="font-semibold"><LiquidText text={block.title} /></p> : null}
          <div className="mt-1 grid grid-cols-4 gap-1">
            {Array.from({ length: Math.min(block.count, 8) }, (_, i) => (
              <div key={i} className="h-12 rounded bg-slate-200" />
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-700">
            {block.count} products from {SOURCE_WORDS[block.source]}
            {block.source === "category" && block.category ? ` (${block.category})` : ""}
          </p>
        </div>
      );
    case "footer":
      return (
        <div style={{ ...style, textAlign: block.style?.align ?? "center" }} className="space-y-1 text-xs">
          {block.note ? <p><LiquidText text={block.note} /></p> : null}
          <p>{block.postalAddress}</p>
          <p className="underline">{block.unsubscribeLabel}</p>
        </div>
      );
  }
}
