import type { Condition, Group, SegmentDefinition, SegmentNode } from "@/server/segments/definition";
import { definitionCondition } from "./condition-edits";

/**
 * The builder's copy of a segment definition: the same tree, with a stable id on every node so
 * that React keys, drag and drop and validation messages follow a node as it moves. Every
 * operation is a pure function from tree to tree.
 */
export type BuilderGroup = { id: string; kind: "group"; op: "and" | "or"; negate: boolean; children: BuilderNode[] };
export type BuilderCondition = {
  id: string;
  kind: "condition";
  condition: Condition;
  /** What was typed under other kinds, restored when the marketer switches back. */
  drafts: Partial<Record<Condition["kind"], Condition>>;
};
export type BuilderNode = BuilderGroup | BuilderCondition;
export type BuilderTree = { root: BuilderGroup; nextId: number };

export const ROOT_ID = "n0";

function take(tree: BuilderTree): [string, BuilderTree] {
  return [`n${tree.nextId}`, { ...tree, nextId: tree.nextId + 1 }];
}

export function treeFromDefinition(definition: SegmentDefinition): BuilderTree {
  let next = 1;
  const fromNode = (node: SegmentNode): BuilderNode =>
    node.kind === "group" ? fromGroup(node, `n${next++}`) : { id: `n${next++}`, kind: "condition", condition: node, drafts: {} };
  const fromGroup = (group: Group, id: string): BuilderGroup => ({
    id,
    kind: "group",
    op: group.op,
    negate: Boolean(group.negate),
    children: group.children.map(fromNode),
  });
  const root = fromGroup(definition.root, ROOT_ID);
  return { root, nextId: next };
}

export function emptyTree(): BuilderTree {
  return treeFromDefinition({ version: 1, root: { kind: "group", op: "and", children: [] } });
}

export function definitionFromTree(tree: BuilderTree): SegmentDefinition {
  const toGroup = (group: BuilderGroup): Group => ({
    kind: "group",
    op: group.op,
    ...(group.negate ? { negate: true } : {}),
    children: group.children.map((child) => (child.kind === "group" ? toGroup(child) : definitionCondition(child.condition))),
  });
  return { version: 1, root: toGroup(tree.root) };
}

export function findNode(tree: BuilderTree, id: string): BuilderNode | null {
  const visit = (node: BuilderNode): BuilderNode | null => {
    if (node.id === id) return node;
    if (node.kind === "group") for (const child of node.children) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  return visit(tree.root);
}

/** The group holding `id` and its index there; null for the root or an unknown id. */
export function parentOf(tree: BuilderTree, id: string): { group: BuilderGroup; index: number } | null {
  const visit = (group: BuilderGroup): { group: BuilderGroup; index: number } | null => {
    const index = group.children.findIndex((child) => child.id === id);
    if (index >= 0) return { group, index };
    for (const child of group.children) {
      if (child.kind !== "group") continue;
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  return visit(tree.root);
}

function isInside(tree: BuilderTree, id: string, ancestorId: string): boolean {
  const ancestor = findNode(tree, ancestorId);
  if (!ancestor || ancestor.kind !== "group") return false;
  const visit = (group: BuilderGroup): boolean => group.children.some((child) => child.id === id || (child.kind === "group" && visit(child)));
  return visit(ancestor);
}

function mapGroups(group: BuilderGroup, change: (group: BuilderGroup) => BuilderGroup): BuilderGroup {
  const children = group.children.map((child) => (child.kind === "group" ? mapGroups(child, change) : child));
  return change(children.every((child, i) => child === group.children[i]) ? group : { ...group, children });
}

function updateGroup(tree: BuilderTree, groupId: string, change: (group: BuilderGroup) => BuilderGroup): BuilderTree {
  return { ...tree, root: mapGroups(tree.root, (group) => (group.id === groupId ? change(group) : group)) };
}

export function addCondition(tree: BuilderTree, groupId: string, condition: Condition): BuilderTree {
  const [id, next] = take(tree);
  return updateGroup(next, groupId, (group) => ({ ...group, children: [...group.children, { id, kind: "condition", condition, drafts: {} }] }));
}

/** A new AND group holding one condition, appended to `groupId`. */
export function addGroup(tree: BuilderTree, groupId: string, condition: Condition): BuilderTree {
  const [groupNodeId, afterGroup] = take(tree);
  const [conditionId, next] = take(afterGroup);
  const group: BuilderGroup = {
    id: groupNodeId,
    kind: "group",
    op: "and",
    negate: false,
    children: [{ id: conditionId, kind: "condition", condition, drafts: {} }],
  };
  return updateGroup(next, groupId, (parent) => ({ ...parent, children: [...parent.children, group] }));
}

export function removeNode(tree: BuilderTree, id: string): BuilderTree {
  const parent = parentOf(tree, id);
  if (!parent) return tree;
  return updateGroup(tree, parent.group.id, (group) => ({ ...group, children: group.children.filter((child) => child.id !== id) }));
}

export function setGroupOp(tree: BuilderTree, groupId: string, op: "and" | "or"): BuilderTree {
  return updateGroup(tree, groupId, (group) => ({ ...group, op }));
}

export function setGroupNegate(tree: BuilderTree, groupId: string, negate: boolean): BuilderTree {
  return updateGroup(tree, groupId, (group) => ({ ...group, negate }));
}

export function updateCondition(tree: BuilderTree, id: string, change: (node: BuilderCondition) => BuilderCondition): BuilderTree {
  const parent = parentOf(tree, id);
  const node = parent?.group.children[parent.index];
  if (!parent || !node || node.kind !== "condition") return tree;
  return updateGroup(tree, parent.group.id, (group) => ({
    ...group,
    children: group.children.map((child) => (child.id === id && child.kind === "condition" ? change(child) : child)),
  }));
}

/**
 * Moves a node to `index` of `targetGroupId` (counted after the node left its old place):
 * reorder within a group, or nest into another one. A group cannot move into itself.
 */
export function moveNode(tree: BuilderTree, id: string, targetGroupId: string, index: number): BuilderTree {
  const from = parentOf(tree, id);
  if (!from || id === targetGroupId || isInside(tree, targetGroupId, id)) return tree;
  const target = findNode(tree, targetGroupId);
  if (!target || target.kind !== "group") return tree;
  const node = from.group.children[from.index]!;
  const without = removeNode(tree, id);
  return updateGroup(without, targetGroupId, (group) => {
    const children = [...group.children];
    children.splice(Math.max(0, Math.min(index, children.length)), 0, node);
    return { ...group, children };
  });
}

/** One step up (-1) or down (+1) within the node's group; the keyboard fallback for dragging. */
export function moveBy(tree: BuilderTree, id: string, delta: -1 | 1): BuilderTree {
  const from = parentOf(tree, id);
  if (!from) return tree;
  const index = from.index + delta;
  if (index < 0 || index >= from.group.children.length) return tree;
  return moveNode(tree, id, from.group.id, index);
}

/** Replaces the node by a new AND group that holds it, so that siblings can be added beside it. */
export function wrapInGroup(tree: BuilderTree, id: string): BuilderTree {
  const from = parentOf(tree, id);
  if (!from) return tree;
  const [groupId, next] = take(tree);
  const node = from.group.children[from.index]!;
  const wrapper: BuilderGroup = { id: groupId, kind: "group", op: "and", negate: false, children: [node] };
  return updateGroup(next, from.group.id, (group) => ({
    ...group,
    children: group.children.map((child) => (child.id === id ? wrapper : child)),
  }));
}

/** "condition 2.1", "group 3": how the builder names each node, by its place in the tree. */
export function nodeLabels(tree: BuilderTree): Map<string, string> {
  const labels = new Map<string, string>([[tree.root.id, "the segment"]]);
  const walk = (group: BuilderGroup, prefix: string) =>
    group.children.forEach((child, i) => {
      const number = `${prefix}${i + 1}`;
      labels.set(child.id, `${child.kind === "group" ? "group" : "condition"} ${number}`);
      if (child.kind === "group") walk(child, `${number}.`);
    });
  walk(tree.root, "");
  return labels;
}

/** Droppable id of a group's "move into this group" zone; other droppables are node ids. */
export const INTO_GROUP_PREFIX = "into:";

/** Where a drop puts the dragged node: before the node it is over, or at the end of a group's drop zone. */
export function applyDrop(tree: BuilderTree, activeId: string, overId: string): BuilderTree {
  if (activeId === overId) return tree;
  if (overId.startsWith(INTO_GROUP_PREFIX)) return moveNode(tree, activeId, overId.slice(INTO_GROUP_PREFIX.length), Number.MAX_SAFE_INTEGER);
  const target = parentOf(tree, overId);
  return target ? moveNode(tree, activeId, target.group.id, target.index) : tree;
}

/** The node at a validation path such as "root.children[2].children[0]", or null. */
export function nodeIdAtPath(tree: BuilderTree, path: string): string | null {
  if (!path.startsWith("root")) return null;
  let node: BuilderNode = tree.root;
  for (const match of path.slice(4).matchAll(/\.children\[(\d+)\]|(.)/g)) {
    if (match[2] !== undefined || node.kind !== "group") return null;
    const child: BuilderNode | undefined = node.children[Number(match[1])];
    if (!child) return null;
    node = child;
  }
  return node.id;
}
