import { describe, expect, it } from "vitest";
import type { Condition, SegmentDefinition } from "@/server/segments/definition";
import { SEGMENT_TEMPLATES } from "@/server/segments/templates";
import { validateSegmentDefinition } from "@/server/segments/validate";
import {
  addCondition,
  addGroup,
  applyDrop,
  definitionFromTree,
  emptyTree,
  findNode,
  INTO_GROUP_PREFIX,
  moveBy,
  moveNode,
  nodeIdAtPath,
  removeNode,
  ROOT_ID,
  setGroupNegate,
  setGroupOp,
  treeFromDefinition,
  wrapInGroup,
  type BuilderGroup,
  type BuilderTree,
} from "./builder-tree";

const country = (value: string): Condition => ({ kind: "attribute", field: "country", valueType: "string", op: "equals", value });
const orders: Condition = {
  kind: "event",
  did: true,
  name: "Order Completed",
  filters: [],
  measure: { kind: "count", op: "at_least", value: 2 },
  window: { kind: "last", amount: 90, unit: "days" },
};

function labels(tree: BuilderTree): unknown {
  const walk = (group: BuilderGroup): unknown[] =>
    group.children.map((child) => (child.kind === "group" ? walk(child) : child.condition.kind === "attribute" ? child.condition.value : child.condition.kind));
  return walk(tree.root);
}

function threeCountries(): BuilderTree {
  return ["US", "DE", "FR"].reduce((tree, value) => addCondition(tree, ROOT_ID, country(value)), emptyTree());
}

describe("builder tree", () => {
  it("round-trips every template definition through the builder unchanged", () => {
    for (const template of SEGMENT_TEMPLATES) {
      expect(definitionFromTree(treeFromDefinition(template.definition))).toEqual(template.definition);
    }
  });

  it("gives every node its own id, stable across edits", () => {
    const tree = addGroup(threeCountries(), ROOT_ID, orders);
    const ids = [tree.root.id, ...tree.root.children.map((c) => c.id), ...(tree.root.children[3] as BuilderGroup).children.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const firstId = tree.root.children[0]!.id;
    const moved = moveBy(tree, firstId, 1);
    expect(moved.root.children[1]!.id).toBe(firstId);
  });

  it("adds conditions and groups and produces a valid definition", () => {
    const tree = addGroup(addCondition(emptyTree(), ROOT_ID, orders), ROOT_ID, country("US"));
    const definition = definitionFromTree(tree);
    expect(definition.root.children).toHaveLength(2);
    expect(definition.root.children[1]).toEqual({ kind: "group", op: "and", children: [country("US")] });
    expect(validateSegmentDefinition(definition).ok).toBe(true);
  });

  it("removes a node but never the root", () => {
    const tree = threeCountries();
    expect(labels(removeNode(tree, tree.root.children[1]!.id))).toEqual(["US", "FR"]);
    expect(removeNode(tree, ROOT_ID)).toBe(tree);
  });

  it("toggles AND/OR and NOT on a group", () => {
    const tree = setGroupNegate(setGroupOp(threeCountries(), ROOT_ID, "or"), ROOT_ID, true);
    expect(definitionFromTree(tree).root).toMatchObject({ op: "or", negate: true });
    expect(definitionFromTree(setGroupNegate(tree, ROOT_ID, false)).root).not.toHaveProperty("negate");
  });

  it("reorders within a group, one step at a time and to any index", () => {
    const tree = threeCountries();
    const [us, , fr] = tree.root.children;
    expect(labels(moveBy(tree, us!.id, 1))).toEqual(["DE", "US", "FR"]);
    expect(labels(moveBy(tree, us!.id, -1))).toEqual(["US", "DE", "FR"]);
    expect(labels(moveNode(tree, fr!.id, ROOT_ID, 0))).toEqual(["FR", "US", "DE"]);
  });

  it("moves a condition into another group (nesting) and back out", () => {
    const tree = addGroup(threeCountries(), ROOT_ID, orders);
    const group = tree.root.children[3]!;
    const us = tree.root.children[0]!;
    const nested = moveNode(tree, us.id, group.id, 0);
    expect(labels(nested)).toEqual(["DE", "FR", ["US", "event"]]);
    expect(labels(moveNode(nested, us.id, ROOT_ID, 0))).toEqual(["US", "DE", "FR", ["event"]]);
  });

  it("refuses to move a group into itself or its descendants", () => {
    const outer = addGroup(emptyTree(), ROOT_ID, orders);
    const outerId = outer.root.children[0]!.id;
    const tree = addGroup(outer, outerId, country("US"));
    const innerId = (findNode(tree, outerId) as BuilderGroup).children[1]!.id;
    expect(moveNode(tree, outerId, innerId, 0)).toBe(tree);
    expect(moveNode(tree, outerId, outerId, 0)).toBe(tree);
  });

  it("drops a dragged node where the sortable list shows it, or at the end of a group's drop zone", () => {
    const tree = addGroup(threeCountries(), ROOT_ID, orders);
    const [us, de, fr, group] = tree.root.children;
    expect(labels(applyDrop(tree, us!.id, fr!.id))).toEqual(["DE", "FR", "US", ["event"]]);
    expect(labels(applyDrop(tree, fr!.id, us!.id))).toEqual(["FR", "US", "DE", ["event"]]);
    expect(labels(applyDrop(tree, de!.id, `${INTO_GROUP_PREFIX}${group!.id}`))).toEqual(["US", "FR", ["event", "DE"]]);
    expect(applyDrop(tree, de!.id, de!.id)).toBe(tree);
  });

  it("wraps a node in a new group in its place", () => {
    const tree = threeCountries();
    const de = tree.root.children[1]!;
    const wrapped = wrapInGroup(tree, de.id);
    expect(labels(wrapped)).toEqual(["US", ["DE"], "FR"]);
    expect(findNode(wrapped, de.id)).toBe(de);
  });

  it("finds the node a validation path names", () => {
    const tree = addGroup(threeCountries(), ROOT_ID, orders);
    const group = tree.root.children[3] as BuilderGroup;
    expect(nodeIdAtPath(tree, "root")).toBe(ROOT_ID);
    expect(nodeIdAtPath(tree, "root.children[1]")).toBe(tree.root.children[1]!.id);
    expect(nodeIdAtPath(tree, "root.children[3].children[0]")).toBe(group.children[0]!.id);
    expect(nodeIdAtPath(tree, "root.children[9]")).toBeNull();
    expect(nodeIdAtPath(tree, "definition")).toBeNull();
  });

  it("builds the nested OR of the issue's example as a definition the server accepts", () => {
    let tree = addCondition(emptyTree(), ROOT_ID, orders);
    tree = addGroup(tree, ROOT_ID, country("US"));
    const orId = tree.root.children[1]!.id;
    tree = setGroupOp(addCondition(tree, orId, country("DE")), orId, "or");
    const expected: SegmentDefinition = {
      version: 1,
      root: { kind: "group", op: "and", children: [orders, { kind: "group", op: "or", children: [country("US"), country("DE")] }] },
    };
    expect(definitionFromTree(tree)).toEqual(expected);
    expect(validateSegmentDefinition(definitionFromTree(tree)).ok).toBe(true);
  });
});
