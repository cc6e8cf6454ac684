"use client";

import type { ValueType } from "@/server/segments/definition";
import { Input } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { REVENUE_PROPERTY, VALUE_TYPE_LABELS } from "./vocabulary";

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
            {`${numbers.format(event.recentCount)}${event.recentCount >= fields.eventCountCap ? "+" : ""} in the last ${fields.eventCountWindowDays} days`}
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

/** What the workspace knows of an event's property: its usual value type and text values seen, or null for a key not seen. */
export function usePropertyInfo(): (eventName: string, property: string) => { valueType: ValueType; examples: readonly string[] } | null {
  const { fields } = useBuilder();
  return (eventName, property) => {
    if (property === REVENUE_PROPERTY) return { valueType: "number", examples: [] };
    return fields?.events.find((event) => event.name === eventName)?.propertyKeys.find((key) => key.key === property) ?? null;
  };
}

/** Values seen for a contact field (the most common country codes, a plan's names), for its value input to suggest. */
export function useFieldExamples(): (field: string) => readonly string[] {
  const { fields } = useBuilder();
  return (field) => fields?.builtIn.find((f) => f.field === field)?.examples ?? fields?.customAttributes.find((f) => f.field === field)?.examples ?? [];
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

/** Property keys seen on recent events of that name, with how many of them carry each key and their type. */
export function PropertyPicker({ eventName, id, numericOnly = false, ...props }: PickerProps & { eventName: string; id: string; numericOnly?: boolean }) {
  const { fields } = useBuilder();
  const keys = (fields?.events.find((event) => event.name === eventName)?.propertyKeys ?? []).filter((key) => !numericOnly || key.valueType === "number");
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
            <option key={key.key} value={key.key}>{`${VALUE_TYPE_LABELS[key.valueType]}, on ${numbers.format(key.count)} recent events`}</option>
          ))}
      </datalist>
    </>
  );
}
