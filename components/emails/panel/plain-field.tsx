"use client";

import { Field, Input } from "../../ui/field";
import { useDesigner } from "../designer/designer-context";

/** A labelled plain text input of a block's settings (no Liquid picker: URLs, addresses). */
export function PlainField({ blockId, name, label, value, onChange, hint }: { blockId: string; name: string; label: string; value: string; onChange: (value: string) => void; hint?: string }) {
  const { readOnly } = useDesigner();
  const id = `${blockId}-${name}`;
  return (
    <Field id={id} label={label} hint={hint}>
      <Input id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
    </Field>
  );
}
