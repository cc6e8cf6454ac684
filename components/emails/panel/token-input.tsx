"use client";

import { Braces } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Field, Input, Select } from "../../ui/field";
import { Button } from "../../ui/button";
import { useDesigner } from "../designer/designer-context";
import { insertToken, SUGGESTED_FALLBACKS, tokenFor, tokenPaths } from "../editor/tokens";

const CONTROL = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 disabled:bg-slate-50 aria-[invalid=true]:border-red-600";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  hint?: string;
  error?: string | null;
};

/** A text field that may hold Liquid, with a picker that inserts a token (and its fallback) at the caret. */
export function TokenInput({ id, label, value, onChange, multiline = false, hint, error }: Props) {
  const { readOnly } = useDesigner();
  const control = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);
  const [picking, setPicking] = useState(false);
  const remember = () => {
    const element = control.current;
    if (element) selection.current = { start: element.selectionStart ?? value.length, end: element.selectionEnd ?? value.length };
  };
  const common = {
    id,
    value,
    disabled: readOnly,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onSelect: remember,
    onBlur: remember,
  };

  function insert(token: string) {
    const next = insertToken(value, selection.current, token);
    onChange(next.text);
    setPicking(false);
    requestAnimationFrame(() => {
      control.current?.focus();
      control.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="flex items-start gap-1">
        {multiline ? (
          <textarea ref={control} rows={3} className={CONTROL} {...common} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input ref={control} className={CONTROL} {...common} onChange={(e) => onChange(e.target.value)} />
        )}
        {readOnly ? null : (
          <Button variant="secondary" className="shrink-0 px-2" aria-label={`Insert a token into ${label}`} aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
            <Braces aria-hidden="true" className="h-4 w-4" />
          </Button>
        )}
      </div>
      {picking ? <TokenPicker onInsert={insert} onCancel={() => setPicking(false)} /> : null}
    </Field>
  );
}

function TokenPicker({ onInsert, onCancel }: { onInsert: (token: string) => void; onCancel: () => void }) {
  const { attributeKeys } = useDesigner();
  const id = useId();
  const paths = tokenPaths(attributeKeys);
  const [path, setPath] = useState(paths[0] ?? "contact.first_name");
  const [fallback, setFallback] = useState(SUGGESTED_FALLBACKS[paths[0] ?? ""] ?? "");
  return (
    <div role="group" aria-label="Insert a token" className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2">
      <Field id={`${id}-variable`} label="Variable">
        <Select
          id={`${id}-variable`}
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setFallback(SUGGESTED_FALLBACKS[e.target.value] ?? "");
          }}
        >
          {paths.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-fallback`} label="Fallback when empty" hint="Shown to contacts who have no value.">
        <Input id={`${id}-fallback`} value={fallback} onChange={(e) => setFallback(e.target.value)} aria-describedby={`${id}-fallback-hint`} />
      </Field>
      <p className="font-mono text-xs text-slate-700">{tokenFor(path, fallback)}</p>
      <div className="flex gap-2">
        <Button onClick={() => onInsert(tokenFor(path, fallback))}>Insert token</Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
