"use client";

import { Plus, X } from "lucide-react";
import type { EventMeasure, EventWindow, PropertyFilter, ValueType } from "@/server/segments/definition";
import { Button } from "../../ui/button";
import { Input, Select } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { changeFilterProperty, retypePredicate } from "./condition-edits";
import { PredicateInputs } from "./predicate-inputs";
import { PropertyPicker, usePropertyInfo } from "./pickers";
import { COUNT_OP_LABELS, REVENUE_PROPERTY, VALUE_TYPE_LABELS, WINDOW_UNIT_LABELS } from "./vocabulary";

const SMALL = "w-auto! min-w-0";
const MAX_PROPERTY_FILTERS = 10;

function NumberInput({ value, onChange, label, invalid, className = "w-24!" }: { value: number; onChange: (value: number) => void; label: string; invalid?: boolean; className?: string }) {
  return (
    <Input
      type="number"
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={className}
      value={Number.isFinite(value) ? value : ""}
      onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
    />
  );
}

type MeasureMode = "at_least" | "at_most" | "exactly" | "sum" | "avg";

export function MeasureInputs({ measure, onChange, eventName, id, invalidField }: { measure: EventMeasure; onChange: (m: EventMeasure) => void; eventName: string; id: string; invalidField?: string }) {
  const mode: MeasureMode = measure.kind === "count" ? measure.op : measure.fn;
  const changeMode = (next: MeasureMode) => {
    if (next === "sum" || next === "avg") {
      onChange(measure.kind === "aggregate" ? { ...measure, fn: next } : { kind: "aggregate", fn: next, property: REVENUE_PROPERTY, op: "over", value: 50 });
    } else {
      onChange(measure.kind === "count" ? { ...measure, op: next } : { kind: "count", op: next, value: 1 });
    }
  };
  return (
    <>
      <Select aria-label="How often" className={SMALL} value={mode} onChange={(event) => changeMode(event.target.value as MeasureMode)}>
        {Object.entries(COUNT_OP_LABELS).map(([op, label]) => (
          <option key={op} value={op}>
            {label}
          </option>
        ))}
        <option value="sum">with a total</option>
        <option value="avg">with an average</option>
      </Select>
      {measure.kind === "count" ? (
        <>
          <NumberInput label="Number of times" value={measure.value} invalid={invalidField === "measure.value"} onChange={(value) => onChange({ ...measure, value })} />
          <span className="text-sm text-slate-700">{measure.value === 1 ? "time" : "times"}</span>
        </>
      ) : (
        <>
          <PropertyPicker id={`${id}-measure`} numericOnly eventName={eventName} label="Property to add up" value={measure.property} invalid={invalidField === "measure.property"} onChange={(property) => onChange({ ...measure, property })} />
          <Select aria-label="Over or under" className={SMALL} value={measure.op} onChange={(event) => onChange({ ...measure, op: event.target.value as "over" | "under" })}>
            <option value="over">over</option>
            <option value="under">under</option>
          </Select>
          <NumberInput label="Amount" value={measure.value} invalid={invalidField === "measure.value"} onChange={(value) => onChange({ ...measure, value })} />
        </>
      )}
    </>
  );
}

export function WindowInputs({ window, onChange, invalidField }: { window: EventWindow; onChange: (w: EventWindow) => void; invalidField?: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const changeKind = (kind: EventWindow["kind"]) => {
    if (kind === "ever") onChange({ kind });
    else if (kind === "last") onChange({ kind, amount: 30, unit: "days" });
    else onChange({ kind, from: today, to: today });
  };
  return (
    <>
      <Select aria-label="When" className={SMALL} value={window.kind} onChange={(event) => changeKind(event.target.value as EventWindow["kind"])}>
        <option value="ever">ever</option>
        <option value="last">in the last</option>
        <option value="between">between</option>
      </Select>
      {window.kind === "last" ? (
        <>
          <NumberInput label="Window length" value={window.amount} invalid={invalidField === "window.amount"} onChange={(amount) => onChange({ ...window, amount })} />
          <Select aria-label="Window unit" className={SMALL} value={window.unit} onChange={(event) => onChange({ ...window, unit: event.target.value as typeof window.unit })}>
            {Object.entries(WINDOW_UNIT_LABELS).map(([unit, label]) => (
              <option key={unit} value={unit}>
                {label}
              </option>
            ))}
          </Select>
        </>
      ) : null}
      {window.kind === "between" ? (
        <>
          <Input type="date" aria-label="Window start" className="w-40!" aria-invalid={invalidField === "window.from" || undefined} value={window.from.slice(0, 10)} onChange={(event) => onChange({ ...window, from: event.target.value })} />
          <span className="text-sm text-slate-700">and</span>
          <Input type="date" aria-label="Window end" className="w-40!" aria-invalid={invalidField === "window.to" || undefined} value={window.to.slice(0, 10)} onChange={(event) => onChange({ ...window, to: event.target.value })} />
        </>
      ) : null}
    </>
  );
}

/** "where category equals shoes": filters on the properties of one event, ANDed together. */
export function PropertyFilters({
  filters,
  onChange,
  eventName,
  id,
  invalidField,
  fieldPrefix = "",
}: {
  filters: PropertyFilter[];
  onChange: (filters: PropertyFilter[]) => void;
  eventName: string;
  id: string;
  invalidField?: string;
  /** "first." for a sequence's first event: how the server names these filters. */
  fieldPrefix?: string;
}) {
  const { readOnly } = useBuilder();
  const propertyInfo = usePropertyInfo();
  const replace = (index: number, filter: PropertyFilter) => onChange(filters.map((f, i) => (i === index ? filter : f)));
  return (
    <div className="space-y-2">
      {filters.map((filter, index) => {
        const at = `${fieldPrefix}filters[${index}]`;
        const invalid = invalidField?.startsWith(at) ? invalidField.slice(at.length + 1) : undefined;
        const subject = `property ${filter.property || index + 1}`;
        return (
          <div key={index} className="flex flex-wrap items-center gap-2 pl-6">
            <span className="text-sm text-slate-700">where</span>
            <PropertyPicker
              id={`${id}-filter-${index}`}
              eventName={eventName}
              label={`Property of filter ${index + 1}`}
              invalid={invalid === "property"}
              value={filter.property}
              onChange={(property) => replace(index, changeFilterProperty(filter, property, propertyInfo(eventName, property)?.valueType ?? filter.valueType))}
            />
            <Select
              aria-label={`Type of ${subject}`}
              className={SMALL}
              value={filter.valueType}
              disabled={filter.property === REVENUE_PROPERTY}
              onChange={(event) => replace(index, retypePredicate(filter, event.target.value as ValueType))}
            >
              {Object.entries(VALUE_TYPE_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </Select>
            <PredicateInputs
              predicate={filter}
              subject={subject}
              invalidField={invalid}
              suggestions={{ listId: `${id}-filter-${index}-values`, values: propertyInfo(eventName, filter.property)?.examples ?? [] }}
              onChange={(next) => replace(index, next)}
            />
            <Button variant="ghost" hidden={readOnly} aria-label={`Remove filter on ${subject}`} onClick={() => onChange(filters.filter((_, i) => i !== index))}>
              <X aria-hidden="true" className="h-4 w-4" />
            </Button>
          </div>
        );
      })}
      {!readOnly && filters.length < MAX_PROPERTY_FILTERS ? (
        <Button
          variant="ghost"
          className="ml-4 text-xs"
          onClick={() => onChange([...filters, { property: "", valueType: "string", op: "equals" }])}
        >
          <Plus aria-hidden="true" className="h-3 w-3" /> Property filter
        </Button>
      ) : null}
    </div>
  );
}
