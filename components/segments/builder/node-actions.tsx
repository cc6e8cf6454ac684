"use client";

import { ArrowDown, ArrowUp, CornerDownRight, CornerUpLeft, Group as GroupIcon, MoreHorizontal, Trash2 } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type { ReactNode } from "react";
import { useBuilder } from "./builder-context";
import { moveBy, moveNode, parentOf, removeNode, wrapInGroup, type BuilderTree } from "./builder-tree";

const ITEM = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:cursor-default data-[disabled]:text-slate-400";

type Action = { label: string; icon: ReactNode; run: (tree: BuilderTree) => BuilderTree; enabled: boolean; danger?: boolean };

/** The keyboard- and pointer-friendly alternative to dragging: every move as a menu item. */
export function NodeActions({ nodeId, label }: { nodeId: string; label: string }) {
  const { tree, edit } = useBuilder();
  const place = parentOf(tree, nodeId);
  if (!place) return null;
  const { group, index } = place;
  const previous = group.children[index - 1];
  const grandparent = parentOf(tree, group.id);
  const icon = "h-4 w-4";
  const actions: Action[] = [
    { label: "Move up", icon: <ArrowUp aria-hidden="true" className={icon} />, enabled: index > 0, run: (t) => moveBy(t, nodeId, -1) },
    { label: "Move down", icon: <ArrowDown aria-hidden="true" className={icon} />, enabled: index < group.children.length - 1, run: (t) => moveBy(t, nodeId, 1) },
    {
      label: "Move into the group above",
      icon: <CornerDownRight aria-hidden="true" className={icon} />,
      enabled: previous?.kind === "group",
      run: (t) => (previous ? moveNode(t, nodeId, previous.id, Number.MAX_SAFE_INTEGER) : t),
    },
    {
      label: "Move out of this group",
      icon: <CornerUpLeft aria-hidden="true" className={icon} />,
      enabled: grandparent !== null,
      run: (t) => (grandparent ? moveNode(t, nodeId, grandparent.group.id, grandparent.index + 1) : t),
    },
    { label: "Wrap in a new group", icon: <GroupIcon aria-hidden="true" className={icon} />, enabled: true, run: (t) => wrapInGroup(t, nodeId) },
    { label: "Remove", icon: <Trash2 aria-hidden="true" className={icon} />, enabled: true, run: (t) => removeNode(t, nodeId), danger: true },
  ];
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Actions for ${label}`}
        className="rounded-md p-2 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <MoreHorizontal aria-hidden="true" className="h-4 w-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action.label}
              disabled={!action.enabled}
              className={`${ITEM} ${action.danger ? "text-red-700" : ""}`}
              onSelect={() => edit(action.run)}
            >
              {action.icon}
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
