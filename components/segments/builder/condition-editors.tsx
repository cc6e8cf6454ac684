"use client";

import type { Condition, ConsentCondition, ScoreField, SuppressionCondition, ValueType } from "@/server/segments/definition";
import { Input, Select } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { changeAttributeField, changeScoreField, retypePredicate } from "./condition-edits";
import { MeasureInputs, PropertyFilters, WindowInputs } from "./event-parts";
import { EventPicker, FieldPicker, useFieldExamples, useFieldType } from "./pickers";
import { PredicateInputs } from "./predicate-inputs";
import { SegmentPicker } from "./segment-picker";
import { CONSENT_PURPOSE_LABELS, CONSENT_STATE_LABELS, SCORE_FIELDS, SUPPRESSION_REASON_LABELS, VALUE_TYPE_LABELS } from "./vocabulary";

const SMALL = "w-auto! min-w-0";
const ROW = "flex flex-wrap items-center gap-2";

export type EditorProps<C extends Condition> = { condition: C; onChange: (condition: Condition) => void; id: string; invalidField?: string };

const isCustom = (field: string) => field.startsWith("attributes.");

export function AttributeEditor({ condition, onChange, id, invalidField }: EditorProps<Extract<Condition, { kind: "attribute" }>>) {
  const typeOf = useFieldType();
  const examplesOf = useFieldExamples();
  const subject = condition.field || "the field";
  return (
    <div className={ROW}>
      <FieldPicker
        label="Contact field"
        invalid={invalidField === "field"}
        value={condition.field}
        onChange={(field) => onChange(changeAttributeField(condition, field, typeOf(field) ?? condition.valueType))}
      />
      {isCustom(condition.field) ? (
        <Select
          aria-label={`Type of ${subject}`}
          aria-invalid={invalidField === "valueType" || undefined}
          className={SMALL}
          value={condition.valueType}
          onChange={(event) => onChange(retypePredicate(condition, event.target.value as ValueType))}
        >
          {Object.entries(VALUE_TYPE_LABELS).map(([type, label]) => (
            <option key={type} value={type}>
              as {label}
            </option>
          ))}
        </Select>
      ) : null}
      <PredicateInputs
        predicate={condition}
        subject={subject}
        invalidField={invalidField}
        suggestions={{ listId: `${id}-values`, values: examplesOf(condition.field) }}
        onChange={onChange}
      />
    </div>
  );
}

export function EventEditor({ condition, onChange, id, invalidField }: EditorProps<Extract<Condition, { kind: "event" }>>) {
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <Select aria-label="Did or did not" className={SMALL} value={condition.did ? "did" : "did_not"} onChange={(event) => onChange({ ...condition, did: event.target.value === "did" })}>
          <option value="did">did</option>
          <option value="did_not">did not do</option>
        </Select>
        <EventPicker label="Event name" invalid={invalidField === "name"} value={condition.name} onChange={(name) => onChange({ ...condition, name })} />
        <MeasureInputs id={id} eventName={condition.name} measure={condition.measure} invalidField={invalidField} onChange={(measure) => onChange({ ...condition, measure })} />
        <WindowInputs window={condition.window} invalidField={invalidField} onChange={(window) => onChange({ ...condition, window })} />
      </div>
      <PropertyFilters id={id} eventName={condition.name} filters={condition.filters} invalidField={invalidField} onChange={(filters) => onChange({ ...condition, filters })} />
    </div>
  );
}

export function SequenceEditor({ condition, onChange, id, invalidField }: EditorProps<Extract<Condition, { kind: "sequence" }>>) {
  const { first, notFollowedBy } = condition;
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <span className="text-sm text-slate-700">did</span>
        <EventPicker label="First event" invalid={invalidField === "first.name"} value={first.name} onChange={(name) => onChange({ ...condition, first: { ...first, name } })} />
        <WindowInputs window={condition.window} invalidField={invalidField} onChange={(window) => onChange({ ...condition, window })} />
      </div>
      <PropertyFilters id={`${id}-first`} fieldPrefix="first." eventName={first.name} filters={first.filters} invalidField={invalidField} onChange={(filters) => onChange({ ...condition, first: { ...first, filters } })} />
      <div className={ROW}>
        <span className="text-sm text-slate-700">then did not do</span>
        <EventPicker label="Following event" invalid={invalidField === "notFollowedBy.name"} value={notFollowedBy.name} onChange={(name) => onChange({ ...condition, notFollowedBy: { ...notFollowedBy, name } })} />
        <span className="text-sm text-slate-700">within</span>
        <Input
          type="number"
          aria-label="Minutes to wait"
          aria-invalid={invalidField === "withinMinutes" || undefined}
          className="w-24!"
          value={Number.isFinite(condition.withinMinutes) ? condition.withinMinutes : ""}
          onChange={(event) => onChange({ ...condition, withinMinutes: event.target.value === "" ? Number.NaN : Number(event.target.value) })}
        />
        <span className="text-sm text-slate-700">minutes</span>
      </div>
      <PropertyFilters id={`${id}-then`} fieldPrefix="notFollowedBy." eventName={notFollowedBy.name} filters={notFollowedBy.filters} invalidField={invalidField} onChange={(filters) => onChange({ ...condition, notFollowedBy: { ...notFollowedBy, filters } })} />
    </div>
  );
}

export function ConsentEditor({ condition, onChange }: EditorProps<ConsentCondition>) {
  return (
    <div className={ROW}>
      <Select aria-label="Consent purpose" className={SMALL} value={condition.purpose} onChange={(event) => onChange({ ...condition, purpose: event.target.value as ConsentCondition["purpose"] })}>
        {Object.entries(CONSENT_PURPOSE_LABELS).map(([purpose, label]) => (
          <option key={purpose} value={purpose}>
            {label}
          </option>
        ))}
      </Select>
      <span className="text-sm text-slate-700">consent is</span>
      <Select aria-label="Consent state" className={SMALL} value={condition.state} onChange={(event) => onChange({ ...condition, state: event.target.value as ConsentCondition["state"] })}>
        {Object.entries(CONSENT_STATE_LABELS).map(([state, label]) => (
          <option key={state} value={state}>
            {label}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function SuppressionEditor({ condition, onChange, id }: EditorProps<SuppressionCondition>) {
  const toggle = (reason: SuppressionCondition["reasons"][number], on: boolean) =>
    onChange({ ...condition, reasons: on ? [...condition.reasons, reason] : condition.reasons.filter((r) => r !== reason) });
  return (
    <div className={ROW}>
      <Select aria-label="Suppressed or not" className={SMALL} value={condition.suppressed ? "yes" : "no"} onChange={(event) => onChange({ ...condition, suppressed: event.target.value === "yes" })}>
        <option value="yes">is suppressed</option>
        <option value="no">is not suppressed</option>
      </Select>
      <fieldset className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <legend className="sr-only">Reasons (none checked: any reason)</legend>
        <span aria-hidden="true">for</span>
        {Object.entries(SUPPRESSION_REASON_LABELS).map(([reason, label]) => (
          <label key={reason} htmlFor={`${id}-${reason}`} className="inline-flex items-center gap-1">
            <input
              id={`${id}-${reason}`}
              type="checkbox"
              checked={condition.reasons.includes(reason as SuppressionCondition["reasons"][number])}
              onChange={(event) => toggle(reason as SuppressionCondition["reasons"][number], event.target.checked)}
            />
            {label}
          </label>
        ))}
        <span className="text-xs text-slate-600">(none checked: any reason)</span>
      </fieldset>
    </div>
  );
}

export function SegmentMembershipEditor({ condition, onChange, invalidField }: EditorProps<Extract<Condition, { kind: "segment" }>>) {
  return (
    <div className={ROW}>
      <Select aria-label="In or not in" className={SMALL} value={condition.member ? "in" : "not_in"} onChange={(event) => onChange({ ...condition, member: event.target.value === "in" })}>
        <option value="in">is in segment</option>
        <option value="not_in">is not in segment</option>
      </Select>
      <SegmentPicker value={condition.segmentId} invalid={invalidField === "segmentId"} onChange={(segmentId) => onChange({ ...condition, segmentId })} />
    </div>
  );
}

export const SCORES_PENDING = "available after the first scoring run";

export function ScoreEditor({ condition, onChange, invalidField }: EditorProps<Extract<Condition, { kind: "score" }>>) {
  const { fields } = useBuilder();
  const available = (field: string) => fields?.scores.find((score) => score.field === field)?.available ?? false;
  return (
    <div className={ROW}>
      <Select aria-label="Score" className={SMALL} value={condition.field} onChange={(event) => onChange(changeScoreField(condition, event.target.value as ScoreField))}>
        {Object.keys(SCORE_FIELDS).map((field) => (
          <option key={field} value={field} disabled={!available(field) && field !== condition.field}>
            {field.replaceAll("_", " ")}
            {available(field) ? "" : ` (${SCORES_PENDING})`}
          </option>
        ))}
      </Select>
      <PredicateInputs predicate={condition} subject={condition.field.replaceAll("_", " ")} invalidField={invalidField} onChange={onChange} />
    </div>
  );
}
