import type { Block, ColumnChild, EmailDocument, RichRun } from "../document";
import { blockIndexes, type RenderMode } from "./mode";

/*
 * The plain-text part, written from the document rather than converted from the HTML: a
 * converter would mangle the Liquid in the compiled template and cost milliseconds per recipient.
 * Mobile-only blocks are left out — they are the small-screen twin of a desktop block.
 */

const SOCIAL_LABELS = { facebook: "Facebook", instagram: "Instagram", x: "X", tiktok: "TikTok", youtube: "YouTube", linkedin: "LinkedIn", pinterest: "Pinterest" } as const;

function runText(run: RichRun, mode: RenderMode<string>): string {
  const text = mode.field(run.text);
  return run.type === "link" ? `${text} (${mode.field(run.href)})` : text;
}

function blockText(block: Block | ColumnChild, mode: RenderMode<string>, indexes: ReadonlyMap<string, number>): string {
  switch (block.type) {
    case "heading":
      return mode.field(block.text);
    case "text":
      return block.content
        .map((node) =>
          node.type === "paragraph"
            ? node.runs.map((run) => runText(run, mode)).join("")
            : node.items.map((item, i) => `${node.ordered ? `${i + 1}.` : "-"} ${item.map((run) => runText(run, mode)).join("")}`).join("\n"),
        )
        .join("\n\n");
    case "image":
      return block.href !== undefined ? `${mode.field(block.alt)} (${mode.field(block.href)})` : "";
    case "button":
      return `${mode.field(block.label)}: ${mode.field(block.href)}`;
    case "divider":
      return "----------";
    case "spacer":
      return "";
    case "columns":
      return block.columns.map((column) => column.blocks.map((child) => blockWithCondition(child, mode, indexes)).join("")).join("");
    case "offer":
      return [mode.field(block.headline), block.text !== "" ? mode.field(block.text) : "", block.code !== undefined ? `Code: ${mode.field(block.code)}` : "", `${mode.field(block.buttonLabel)}: ${mode.field(block.buttonHref)}`]
        .filter((part) => part !== "")
        .join("\n\n");
    case "products":
      return mode.products(
        block,
        indexes.get(block.id) ?? 0,
        (locals) => `${mode.field("{{ product.name }}", locals)} — ${mode.field("{{ product.price | money: product.currency }}", locals)}\n${mode.field(block.buttonLabel, locals)}: ${mode.field("{{ product.url | safe_url }}", locals)}\n\n`,
        (cards) => `${block.title !== "" ? `${mode.field(block.title)}\n\n` : ""}${cards.join("")}`,
      );
    case "footer":
      return [
        block.note !== "" ? mode.field(block.note) : "",
        block.social.map((item) => `${SOCIAL_LABELS[item.network]}: ${mode.field(item.href)}`).join("\n"),
        mode.field(block.postalAddress),
        `${mode.field(block.unsubscribeLabel)}: ${mode.field(block.unsubscribeHref)}`,
      ]
        .filter((part) => part !== "")
        .join("\n\n");
  }
}

function blockWithCondition(block: Block | ColumnChild, mode: RenderMode<string>, indexes: ReadonlyMap<string, number>): string {
  if (block.visibility === "mobile_only") return "";
  const text = `${blockText(block, mode, indexes)}\n\n`;
  const index = indexes.get(block.id);
  return block.showIf && index !== undefined ? mode.conditional(index, text) : text;
}

/** The text part with its fields and conditions resolved by `mode` (before finishPlainText). */
export function plainTextOf(document: EmailDocument, mode: RenderMode<string>): string {
  const indexes = blockIndexes(document.blocks);
  return document.blocks.map((block) => blockWithCondition(block, mode, indexes)).join("");
}

/** Run on the evaluated text in both paths: blank lines left by empty blocks and fields collapse. */
export function finishPlainText(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
