import { describe, expect, it } from "vitest";
import type { RichNode } from "@/server/email/document";
import { addListItem, addNode, addRun, changeNodeKind, plainTextOf, removeListItem, removeNode, removeRun, toggleLink, toggleMark, updateRun } from "./rich-text";

const paragraph: RichNode = { type: "paragraph", runs: [{ type: "text", text: "Hello " }, { type: "text", text: "world", bold: true }] };

describe("rich text editing", () => {
  it("toggles bold and italic on a run", () => {
    expect(toggleMark({ type: "text", text: "a" }, "italic")).toEqual({ type: "text", text: "a", italic: true });
    expect(toggleMark({ type: "text", text: "a", bold: true }, "bold")).toEqual({ type: "text", text: "a" });
  });

  it("turns a run into a link and back, keeping text and marks", () => {
    const link = toggleLink({ type: "text", text: "shop", bold: true }, "https://shop.example.com");
    expect(link).toEqual({ type: "link", text: "shop", href: "https://shop.example.com", bold: true });
    expect(toggleLink(link)).toEqual({ type: "text", text: "shop", bold: true });
  });

  it("edits one run of a paragraph", () => {
    const nodes = updateRun([paragraph], { node: 0, item: null }, 1, (run) => ({ ...run, text: "there" }));
    expect(plainTextOf(nodes)).toBe("Hello there");
  });

  it("adds and removes runs", () => {
    const added = addRun([paragraph], { node: 0, item: null });
    expect(added[0]).toMatchObject({ runs: [{}, {}, { type: "text", text: "" }] });
    expect(plainTextOf(removeRun(added, { node: 0, item: null }, 0))).toBe("world");
  });

  it("edits list items independently", () => {
    let nodes = addNode([paragraph], "bulleted");
    nodes = addListItem(nodes, 1);
    nodes = updateRun(nodes, { node: 1, item: 1 }, 0, (run) => ({ ...run, text: "second" }));
    expect(nodes[1]).toEqual({ type: "list", ordered: false, items: [[{ type: "text", text: "" }], [{ type: "text", text: "second" }]] });
    expect(removeListItem(nodes, 1, 0)[1]).toEqual({ type: "list", ordered: false, items: [[{ type: "text", text: "second" }]] });
  });

  it("keeps at least one list item and one node", () => {
    const list: RichNode = { type: "list", ordered: true, items: [[]] };
    expect(removeListItem([list], 0, 0)).toEqual([list]);
    expect(removeNode([list], 0)).toEqual([list]);
  });

  it("switches a paragraph to a numbered list and back without losing text", () => {
    const list = changeNodeKind([paragraph], 0, "numbered");
    expect(list[0]).toEqual({ type: "list", ordered: true, items: [paragraph.runs] });
    expect(changeNodeKind(list, 0, "paragraph")).toEqual([paragraph]);
  });
});
