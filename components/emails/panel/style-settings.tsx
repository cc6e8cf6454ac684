"use client";

import type { BlockStyle, Visibility } from "@/server/email/document";
import { Button } from "../../ui/button";
import { Field, Input, Select } from "../../ui/field";
import type { AnyBlock } from "../editor/blocks";
import { useDesigner } from "../designer/designer-context";
import { useBlockUpdate } from "./use-block-update";

const SIDES = ["top", "right", "bottom", "left"] as const;
const DEFAULT_PADDING = { top: 8, right: 24, bottom: 8, left: 24 };

/** Padding, alignment, colours, font size and device visibility of a block. */
export function StyleSettings({ block }: { block: AnyBlock }) {
  const { readOnly } = useDesigner();
  const update = useBlockUpdate<AnyBlock>(block.id);
  const style: BlockStyle = block.style ?? {};
  const setStyle = (patch: Partial<BlockStyle>, field?: string) => update({ style: { ...style, ...patch } } as Partial<AnyBlock>, field);
  const id = (name: string) => `${block.id}-style-${name}`;
  return (
    <fieldset disabled={readOnly} className="space-y-3">
      <legend className="sr-only">Style</legend>
      <div className="grid grid-cols-4 gap-2">
        {SIDES.map((side) => (
          <Field key={side} id={id(`padding-${side}`)} label={`Pad ${side}`}>
            <Input
              id={id(`padding-${side}`)}
              type="number"
              min={0}
              max={96}
              value={(style.padding ?? DEFAULT_PADDING)[side]}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (Number.isInteger(value) && value >= 0 && value <= 96) setStyle({ padding: { ...(style.padding ?? DEFAULT_PADDING), [side]: value } }, `padding-${side}`);
              }}
            />
          </Field>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Field id={id("align")} label="Alignment">
          <Select id={id("align")} value={style.align ?? ""} onChange={(e) => setStyle({ align: e.target.value === "" ? undefined : (e.target.value as BlockStyle["align"]) })}>
            <option value="">Default</option>
            <option value="left">Left</option>
            <option value="center">Centre</option>
            <option value="right">Right</option>
          </Select>
        </Field>
        <Field id={id("font-size")} label="Font size (px)">
          <Input
            id={id("font-size")}
            type="number"
            min={10}
            max={48}
            placeholder="Default"
            value={style.fontSize ?? ""}
            onChange={(e) => {
              const value = e.target.value === "" ? undefined : Number(e.target.value);
              if (value === undefined || (Number.isInteger(value) && value >= 10 && value <= 48)) setStyle({ fontSize: value }, "fontSize");
            }}
          />
        </Field>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <ColorField id={id("text-color")} label="Text colour" value={style.textColor} onChange={(textColor) => setStyle({ textColor }, "textColor")} />
        <ColorField id={id("background")} label="Background" value={style.backgroundColor} onChange={(backgroundColor) => setStyle({ backgroundColor }, "backgroundColor")} />
      </div>
      <Field id={id("visibility")} label="Show on">
        <Select id={id("visibility")} value={block.visibility ?? "all"} onChange={(e) => update({ visibility: e.target.value as Visibility } as Partial<AnyBlock>)}>
          <option value="all">Desktop and mobile</option>
          <option value="desktop_only">Desktop only</option>
          <option value="mobile_only">Mobile only</option>
        </Select>
      </Field>
    </fieldset>
  );
}

function ColorField({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <Field id={id} label={label}>
      <div className="flex items-center gap-1">
        <input id={id} type="color" value={value ?? "#ffffff"} onChange={(e) => onChange(e.target.value)} className="h-9 w-12 rounded border border-slate-300" />
        <span className="font-mono text-xs text-slate-700">{value ?? "default"}</span>
        {value ? (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange(undefined)} aria-label={`Reset ${label.toLowerCase()}`}>
            Reset
          </Button>
        ) : null}
      </div>
    </Field>
  );
}
