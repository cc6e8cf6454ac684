"use client";

import type { ValueType } from "@/server/segments/definition";
import { Input } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { REVENUE_PROPERTY } from "./vocabulary";

const numbers = new Intl.NumberFormat("en-US");

/** The shared suggestion lists: one per page, referenced by every picker through `list`. */
export const FIELD_LIST_ID = "segment-builder-fields";
export const EVENT_LIST_ID = "segment-builder-events";

/**
 * Suggestions for the field and event pickers, with what the workspace holds: a native
 * combobox (input + datalist) filters as the marketer types and still accepts a name not seen yet.
 */
export function BuilderSuggestions() {
  const { fields } = useBuilder();
  if (!fields) return null;
  return (
    <>
      <datalist id={FIELD_LIST_ID}>
        {fields.builtIn.map((field) => (
          <option key={field.field} value={field.field}>{`${field.label} (contact field)`}</option>
        ))}
        {fields.customAttributes.map((attribute) => (
          <option key={attribute.field} value={attribute.field}>
            {`${attribute.key}: ${numbers.format(attribute.count)} of ${numbers.format(fields.attributeSampleSize)} sampled contacts`}
          </option>
        ))}
      </datalist>
      <datalist id={EVENT_LIST_ID}>
        {fields.events.map((event) => (
          <option key={event.name} value={event.name}>
            {`${numbers.format(event.recentCount)} in the last ${fields.eventCountWindowDays} days`}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** The value type the workspace suggests for a field: fixed for built-in fields, guessed for custom ones. */
export function useFieldType(): (field: string) => ValueType | null {
  const { fields } = useBuilder();
  return (field) =>
    fields?.builtIn.find((f) => f.field === field)?.valueType ??
    fields?.customAttributes.find((f) => f.field === field)?.valueType ??
    null;
}

type PickerProps = { value: string; onChange: (value: string) => void; label: string; invalid?: boolean; className?: string };

export function FieldPicker({ value, onChange, label, invalid, className = "w-48!" }: PickerProps) {
  return (
    <Input
      list={FIELD_LIST_ID}
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={className}
      placeholder="country or attributes.plan"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function EventPicker({ value, onChange, label, invalid, className = "w-52!" }: PickerProps) {
  return (
    <Input
      list={EVENT_LIST_ID}
      aria-label={label}
      aria-invalid={invalid || undefined}
      className={className}
      placeholder="Order Completed"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Property keys seen on recent events of that name, with how many of them carry each key. */
export function PropertyPicker({ eventName, id, ...props }: PickerProps & { eventName: string; id: string }) {
  const { fields } = useBuilder();
  const keys = fields?.events.find((event) => event.name === eventName)?.propertyKeys ?? [];
  const listId = `${id}-properties`;
  return (
    <>
      <Input
        list={listId}
        aria-label={props.label}
        aria-invalid={props.invalid || undefined}
        className={props.className ?? "w-40!"}
        placeholder="category"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <datalist id={listId}>
        <option value={REVENUE_PROPERTY}>revenue (number)</option>
        {keys
          .filter((key) => key.key !== REVENUE_PROPERTY)
          .map((key) => (
            <option key={key.key} value={key.key}>{`on ${numbers.format(key.count)} recent events`}</option>
          ))}
      </datalist>
    </>
  );
}
