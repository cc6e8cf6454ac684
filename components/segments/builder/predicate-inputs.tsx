"use client";

import { useState } from "react";
import type { Operator, Predicate, ValueType } from "@/server/segments/definition";
import { Input, Select } from "../../ui/field";
import { changeOperator, parseOperand } from "./condition-edits";
import { ListValuesInput } from "./list-values-input";
import { unchosenSuggestions } from "./list-values";
import { OPERATOR_LABELS, OPERATORS_BY_TYPE } from "./vocabulary";

const SMALL = "w-auto! min-w-0";

type Scalar = string | number | boolean | undefined;

/**
 * A text box over a typed value: it keeps the marketer's text ("1." while typing 1.5) as long as
 * it still reads as the stored value, and shows the stored value when it changed elsewhere.
 */
function OperandText({
  value,
  parse,
  onChange,
  label,
  invalid,
  type = "text",
  inputMode,
  list,
  className = "w-40!",
}: {
  value: Scalar;
  parse: (text: string) => Scalar;
  onChange: (value: Scalar) => void;
  label: string;
  invalid: boolean;
  type?: "text" | "date";
  inputMode?: "decimal" | "numeric";
  /** A datalist of values to suggest. */
  list?: string;
  className?: string;
}) {
  const format = (v: Scalar) => (v === undefined ? "" : String(v));
  const [text, setText] = useState(format(value));
  const shown = JSON.stringify(parse(text)) === JSON.stringify(value) || (text === "" && value === undefined) ? text : format(value);
  return (
    <Input
      type={type}
      inputMode={inputMode}
      list={list}
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={className}
      value={type === "date" ? shown.slice(0, 10) : shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value === "" ? undefined : parse(event.target.value));
      }}
    />
  );
}

type Props<P extends Predicate> = {
  predicate: P;
  onChange: (predicate: P) => void;
  /** Names the inputs for screen readers: "Value of country". */
  subject: string;
  /** The property of the predicate at fault ("value", "to", …), from the server's validation. */
  invalidField?: string;
  /** Text values seen in the workspace, suggested by the value inputs of a text predicate. */
  suggestions?: { listId: string; values: readonly string[] };
};

export function PredicateInputs<P extends Predicate>({ predicate, onChange, subject, invalidField, suggestions }: Props<P>) {
  const { valueType, op } = predicate;
  const list = valueType === "string" && suggestions?.values.length ? suggestions.listId : undefined;
  // A list's input offers only the values not chosen yet.
  const suggested = op === "in_list" ? unchosenSuggestions(suggestions?.values ?? [], predicate.values ?? []) : (suggestions?.values ?? []);
  const set = (patch: Partial<Predicate>) => onChange({ ...predicate, ...patch });
  const single = (text: string) => parseOperand(valueType, text);
  const operand = (field: "value" | "from" | "to", label: string) => (
    <ScalarOperand
      valueType={valueType}
      value={predicate[field]}
      label={`${label} of ${subject}`}
      invalid={invalidField === field}
      list={list}
      parse={single}
      onChange={(value) => set({ [field]: value })}
    />
  );
  return (
    <>
      <Select
        aria-label={`Operator for ${subject}`}
        aria-invalid={invalidField === "op" || undefined}
        className={SMALL}
        value={op}
        onChange={(event) => onChange(changeOperator(predicate, event.target.value as Operator))}
      >
        {OPERATORS_BY_TYPE[valueType].map((candidate) => (
          <option key={candidate} value={candidate}>
            {OPERATOR_LABELS[candidate]}
          </option>
        ))}
      </Select>
      {op === "is_set" || op === "is_not_set" ? null : op === "within_last_days" ? (
        <>
          <OperandText
            label={`Days for ${subject}`}
            inputMode="numeric"
            className="w-24!"
            invalid={invalidField === "days"}
            value={predicate.days}
            parse={(text) => parseOperand("number", text)}
            onChange={(days) => set({ days: days as number })}
          />
          <span className="text-sm text-slate-700">days</span>
        </>
      ) : op === "in_list" ? (
        <ListValuesInput
          valueType={valueType}
          subject={subject}
          invalid={invalidField === "values"}
          values={predicate.values ?? []}
          list={list}
          suggestions={list ? suggested : []}
          onChange={(values) => set({ values })}
        />
      ) : op === "between" ? (
        <>
          {operand("from", "From")}
          <span className="text-sm text-slate-700">and</span>
          {operand("to", "To")}
        </>
      ) : (
        operand("value", "Value")
      )}
      {list ? (
        <datalist id={list}>
          {suggested.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}

function ScalarOperand({
  valueType,
  value,
  label,
  invalid,
  list,
  parse,
  onChange,
}: {
  valueType: ValueType;
  value: Scalar;
  label: string;
  invalid: boolean;
  list?: string;
  parse: (text: string) => Scalar;
  onChange: (value: Scalar) => void;
}) {
  if (valueType === "boolean") {
    return (
      <Select
        aria-label={label}
        aria-invalid={invalid || undefined}
        className={SMALL}
        value={value === undefined ? "" : String(value)}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value === "true")}
      >
        <option value="">Choose…</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </Select>
    );
  }
  return (
    <OperandText
      label={label}
      type={valueType === "date" ? "date" : "text"}
      inputMode={valueType === "number" ? "decimal" : undefined}
      list={list}
      invalid={invalid}
      value={value}
      parse={parse}
      onChange={onChange}
    />
  );
}
