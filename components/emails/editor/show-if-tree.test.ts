import { describe, expect, it } from "vitest";
import { treeFromDefinition } from "@/components/segments/builder/builder-tree";
import type { TemplateIssue } from "@/server/email/templates/template-issues";
import { showIfIssue } from "./show-if-tree";

const tree = treeFromDefinition({
  version: 1,
  root: {
    kind: "group",
    op: "and",
    children: [
      { kind: "attribute", field: "city", valueType: "string", op: "equals", value: "Portland" },
      {
        kind: "group",
        op: "or",
        negate: true,
        children: [
          { kind: "segment", segmentId: "seg-vip", member: true },
          { kind: "attribute", field: "shoe_size", valueType: "number", op: "gt", value: 40 },
        ],
      },
    ],
  },
});
const nested = tree.root.children[1]!;
const deepId = nested.kind === "group" ? nested.children[1]!.id : "";
const issue = (path: string, message: string): TemplateIssue => ({ blockId: "b", path, message, severity: "error" });

describe("placing a block's show-if issue on its condition", () => {
  it("places a rule named 'Condition 2.2' on the second condition of the nested group", () => {
    expect(showIfIssue(tree, [issue("showIf", 'Condition 2.2: The contact field "shoe_size" is not available in emails')])).toEqual({
      nodeId: deepId,
      message: 'The contact field "shoe_size" is not available in emails',
    });
  });

  it("places a draft's shape error by its path, with the field at fault", () => {
    expect(showIfIssue(tree, [issue("blocks.3.columns.0.blocks.1.showIf.children.1.children.1.value", "Enter a value")])).toEqual({ nodeId: deepId, message: "Enter a value", field: "value" });
    expect(showIfIssue(tree, [issue("blocks.3.showIf.children.0.values.2", "Enter a value")])).toEqual({ nodeId: tree.root.children[0]!.id, message: "Enter a value", field: "values" });
  });

  it("shows an error before a warning", () => {
    const warning: TemplateIssue = { ...issue("showIf", 'Condition 1: No contact has the attribute "tier" yet'), severity: "warning" };
    expect(showIfIssue(tree, [warning, issue("showIf", "Condition 2.1: Pick a segment")])).toEqual({ nodeId: nested.kind === "group" ? nested.children[0]!.id : "", message: "Pick a segment" });
  });

  it("ignores issues of other fields and conditions the tree does not have", () => {
    expect(showIfIssue(tree, [issue("blocks.3.text", "Broken"), issue("showIf", "Condition 7: Gone"), issue("showIf", "Something else")])).toBeNull();
  });
});
