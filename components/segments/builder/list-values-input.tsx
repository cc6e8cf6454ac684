"use client";

import { X } from "lucide-react";
import { useId, useState, type ChangeEvent, type ClipboardEvent, type KeyboardEvent } from "react";
import type { ValueType } from "@/server/segments/definition";
import { Input } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { commitListText, describeAddition, removeListValueAt, type ListValue } from "./list-values";

/**
 * Chromium and Safari report a datalist choice as a plain `Event`, Firefox as "insertReplacementText";
 * typing and pasting come as InputEvents with other input types.
 */
function isSuggestionChoice(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return !(native instanceof InputEvent) || native.inputType === "insertReplacementText";
}

/**
 * The values of an "is one of" operand: each chosen value a removable chip, and an input that adds
 * values on Enter, comma, paste of a list, leaving the input, or a choice among the suggestions.
 */
export function ListValuesInput({
  valueType,
  values,
  onChange,
  subject,
  invalid,
  list,
  suggestions = [],
}: {
  valueType: ValueType;
  values: readonly ListValue[];
  onChange: (values: ListValue[]) => void;
  /** Names the controls for screen readers: "Add a value to country". */
  subject: string;
  /** The server found the list at fault (an empty list). */
  invalid: boolean;
  /** The id of the datalist that suggests workspace values. */
  list?: string;
  suggestions?: readonly string[];
}) {
  const { readOnly } = useBuilder();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const commit = (text: string, typing: boolean) => {
    const result = commitListText(values, text, valueType, { typing });
    const said = describeAddition(result);
    setDraft(result.rest);
    setError(said.error);
    if (said.status) setStatus(said.status);
    if (result.added.length) onChange(result.values);
  };

  const remove = (index: number) => {
    setStatus(`Removed ${String(values[index])}.`);
    onChange(removeListValueAt(values, index));
  };

  const onInputChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    commit(text, !(isSuggestionChoice(event) && suggestions.includes(text)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Enter adds the value here; it must not submit the segment form around the builder.
      event.preventDefault();
      if (draft.trim()) commit(draft, false);
    } else if (event.key === "Backspace" && draft === "" && values.length > 0) {
      event.preventDefault();
      remove(values.length - 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text");
    if (!/[,\n]/.test(pasted)) return;
    event.preventDefault();
    const target = event.currentTarget;
    const start = target.selectionStart ?? draft.length;
    const end = target.selectionEnd ?? draft.length;
    commit(`${draft.slice(0, start)}${pasted}${draft.slice(end)}`, false);
  };

  return (
    <div role="group" aria-label={`Values of ${subject}`} className="flex flex-wrap items-center gap-1">
      {values.length > 0 ? (
        <ul aria-label={`Chosen values of ${subject}`} className="flex flex-wrap items-center gap-1">
          {values.map((value, index) => (
            <li
              key={`${index}-${String(value)}`}
              className="inline-flex items-center gap-0.5 rounded-full border border-brand-100 bg-brand-50 py-0.5 pr-1 pl-2.5 text-sm text-slate-900"
            >
              {String(value)}
              {!readOnly ? (
                <button
                  type="button"
                  aria-label={`Remove ${String(value)}`}
                  className="rounded-full p-0.5 text-slate-700 hover:bg-brand-100 hover:text-slate-900"
                  onClick={() => {
                    remove(index);
                    // The chip's button goes away: keep the keyboard in the list's input.
                    document.getElementById(inputId)?.focus();
                  }}
                >
                  <X aria-hidden="true" className="h-3.5 w-3.5" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        id={inputId}
        list={list}
        autoComplete="off"
        inputMode={valueType === "number" ? "decimal" : undefined}
        aria-label={`Add a value to ${subject}`}
        aria-invalid={invalid || error !== null || undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        placeholder={values.length ? "Add another" : "Type, then Enter"}
        className="w-40!"
        value={draft}
        onChange={onInputChange}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          if (draft.trim()) commit(draft, false);
        }}
      />
      <span id={hintId} className="sr-only">
        Enter or a comma adds the value; Backspace in the empty box removes the last one.
      </span>
      <span role="status" className="sr-only">
        {status}
      </span>
      {error ? (
        <p id={errorId} role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
