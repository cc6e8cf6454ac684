import type { RichNode, RichRun } from "@/server/email/document";

/*
 * Edits of the rich-text model (paragraphs and lists of runs). The side panel edits runs as
 * structured rows — text, bold, italic, link — so what the marketer sees is exactly what the
 * renderer will emit, with no HTML to parse back.
 */

/** A run list: a paragraph (`item` null) or one item of a list. */
export type RunsAt = { node: number; item: number | null };

export function runsAt(nodes: readonly RichNode[], at: RunsAt): readonly RichRun[] {
  const node = nodes[at.node];
  if (!node) return [];
  if (node.type === "paragraph") return node.runs;
  return node.items[at.item ?? 0] ?? [];
}

export function updateRuns(nodes: readonly RichNode[], at: RunsAt, change: (runs: RichRun[]) => RichRun[]): RichNode[] {
  return nodes.map((node, n) => {
    if (n !== at.node) return node;
    if (node.type === "paragraph") return { ...node, runs: change([...node.runs]) };
    return { ...node, items: node.items.map((runs, i) => (i === (at.item ?? 0) ? change([...runs]) : runs)) };
  });
}

export function updateRun(nodes: readonly RichNode[], at: RunsAt, run: number, change: (run: RichRun) => RichRun): RichNode[] {
  return updateRuns(nodes, at, (runs) => runs.map((r, i) => (i === run ? change(r) : r)));
}

export function toggleMark(run: RichRun, mark: "bold" | "italic"): RichRun {
  const next = { ...run };
  if (run[mark]) delete next[mark];
  else next[mark] = true;
  return next;
}

/** Turns a run into a link (keeping its text and marks) or a link back into plain text. */
export function toggleLink(run: RichRun, href = "https://"): RichRun {
  const { bold, italic } = run;
  const marks = { ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) };
  return run.type === "link" ? { type: "text", text: run.text, ...marks } : { type: "link", text: run.text, href, ...marks };
}

export function addRun(nodes: readonly RichNode[], at: RunsAt): RichNode[] {
  return updateRuns(nodes, at, (runs) => [...runs, { type: "text", text: "" }]);
}

export function removeRun(nodes: readonly RichNode[], at: RunsAt, run: number): RichNode[] {
  return updateRuns(nodes, at, (runs) => runs.filter((_, i) => i !== run));
}

export function addNode(nodes: readonly RichNode[], kind: "paragraph" | "bulleted" | "numbered"): RichNode[] {
  const empty: RichRun[] = [{ type: "text", text: "" }];
  const node: RichNode = kind === "paragraph" ? { type: "paragraph", runs: empty } : { type: "list", ordered: kind === "numbered", items: [empty] };
  return [...nodes, node];
}

/** Removes a paragraph or list; the last one stays (a text block holds at least one). */
export function removeNode(nodes: readonly RichNode[], index: number): RichNode[] {
  return nodes.length <= 1 ? [...nodes] : nodes.filter((_, n) => n !== index);
}

export function addListItem(nodes: readonly RichNode[], index: number): RichNode[] {
  return nodes.map((node, n) => (n === index && node.type === "list" ? { ...node, items: [...node.items, [{ type: "text", text: "" }]] } : node));
}

/** Removes a list item; a list keeps at least one. */
export function removeListItem(nodes: readonly RichNode[], index: number, item: number): RichNode[] {
  return nodes.map((node, n) => (n === index && node.type === "list" && node.items.length > 1 ? { ...node, items: node.items.filter((_, i) => i !== item) } : node));
}

/** Paragraph → bulleted list → numbered list → paragraph, keeping the runs. */
export function changeNodeKind(nodes: readonly RichNode[], index: number, kind: "paragraph" | "bulleted" | "numbered"): RichNode[] {
  return nodes.map((node, n): RichNode => {
    if (n !== index) return node;
    const runs = node.type === "paragraph" ? [node.runs] : node.items;
    if (kind === "paragraph") return { type: "paragraph", runs: runs.flat() };
    return { type: "list", ordered: kind === "numbered", items: runs.length > 0 ? runs : [[]] };
  });
}

export function nodeKind(node: RichNode): "paragraph" | "bulleted" | "numbered" {
  if (node.type === "paragraph") return "paragraph";
  return node.ordered ? "numbered" : "bulleted";
}

/** The plain text of rich content, for the canvas's compact preview and screen readers. */
export function plainTextOf(nodes: readonly RichNode[]): string {
  return nodes
    .map((node) => (node.type === "paragraph" ? node.runs : node.items.flat()).map((run) => run.text).join(""))
    .join("\n");
}
