"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Input } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { describeSegmentSize, matchSegmentChoices, segmentChoices, type SavedSegmentOption } from "./segment-choices";

/** The workspace's saved segments, shared by every membership picker and message of the page. */
export function useSavedSegments() {
  const trpc = useTRPC();
  const list = useQuery(trpc.segments.list.queryOptions(undefined, { staleTime: 30_000 }));
  return useMemo(() => {
    const segments: SavedSegmentOption[] = list.data ?? [];
    const names = new Map(segments.map((segment) => [segment.id, segment.name]));
    return { segments, loading: list.isPending, failed: Boolean(list.error), nameOf: (id: string) => names.get(id) };
  }, [list.data, list.isPending, list.error]);
}

/**
 * A searchable list of the saved segments (ARIA combobox with a listbox popup): type to filter by
 * name, arrows to move, Enter to pick, Escape to close. The segment being edited is not offered,
 * and segments that use it are shown but cannot be picked.
 */
export function SegmentPicker({ value, onChange, invalid }: { value: string; onChange: (segmentId: string) => void; invalid?: boolean }) {
  const { segmentId: editingSegmentId } = useBuilder();
  const { segments, loading, failed, nameOf } = useSavedSegments();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const baseId = useId();
  const listId = `${baseId}-segments`;
  const optionId = useCallback((id: string) => `${baseId}-option-${id}`, [baseId]);

  const choices = useMemo(() => segmentChoices(segments, editingSegmentId), [segments, editingSegmentId]);
  const shown = useMemo(() => matchSegmentChoices(choices, query), [choices, query]);
  const pickable = shown.filter((choice) => !choice.blockedReason);
  const now = new Date();
  useEffect(() => {
    if (activeId) document.getElementById(optionId(activeId))?.scrollIntoView({ block: "nearest" });
  }, [activeId, optionId]);
  const selectedName = value ? (nameOf(value) ?? (loading ? "" : `Unknown segment (${value})`)) : "";

  const openList = () => {
    setOpen(true);
    setQuery("");
    setActiveId(choices.some((choice) => choice.id === value && !choice.blockedReason) ? value : null);
  };
  const close = () => {
    setOpen(false);
    setActiveId(null);
  };
  const pick = (id: string) => {
    onChange(id);
    close();
  };
  const moveActive = (delta: 1 | -1) => {
    if (!pickable.length) return;
    const index = pickable.findIndex((choice) => choice.id === activeId);
    const next = index < 0 ? (delta === 1 ? 0 : pickable.length - 1) : (index + delta + pickable.length) % pickable.length;
    setActiveId(pickable[next]!.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) openList();
      else moveActive(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const target = pickable.find((choice) => choice.id === activeId) ?? (pickable.length === 1 ? pickable[0] : undefined);
      if (target) pick(target.id);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="relative">
      <div className="relative">
        <Input
          role="combobox"
          aria-label="Segment"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && activeId ? optionId(activeId) : undefined}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          className="w-64! pr-8"
          placeholder={loading ? "Loading segments…" : open && selectedName ? selectedName : "Search saved segments"}
          value={open ? query : selectedName}
          onFocus={openList}
          onClick={() => (open ? null : openList())}
          onBlur={close}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveId(null);
            if (!open) setOpen(true);
          }}
        />
        <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2 h-4 w-4 -translate-y-1/2 text-slate-500" />
      </div>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Saved segments"
          // Focusable for the scrollbar's sake; a press anywhere in it keeps the focus in the input, so
          // that the input's blur does not close the list before the click picks.
          tabIndex={-1}
          onMouseDown={(event) => event.preventDefault()}
          className="absolute z-20 mt-1 max-h-72 w-80 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {shown.map((choice) => (
            <li
              key={choice.id}
              id={optionId(choice.id)}
              role="option"
              aria-selected={choice.id === value}
              aria-disabled={choice.blockedReason ? true : undefined}
              className={`cursor-pointer px-3 py-1.5 text-sm ${choice.id === activeId ? "bg-brand-50" : ""} ${
                choice.blockedReason ? "cursor-not-allowed text-slate-500" : "text-slate-900 hover:bg-slate-100"
              }`}
              onClick={() => (choice.blockedReason ? null : pick(choice.id))}
            >
              <span className={`block ${choice.id === value ? "font-semibold" : "font-medium"}`}>{choice.name}</span>
              <span className="block text-xs text-slate-600">
                {choice.blockedReason ? `Cannot be used: it ${choice.blockedReason}` : describeSegmentSize(choice, now)}
              </span>
            </li>
          ))}
          {shown.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled className="px-3 py-1.5 text-sm text-slate-600">
              {loading ? "Loading segments…" : failed ? "The saved segments could not be loaded." : query ? `No saved segment matches “${query}”.` : "No other saved segment yet."}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
