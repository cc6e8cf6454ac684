"use client";

import type { Condition } from "@/server/segments/definition";
import { Select } from "../../ui/field";
import { useBuilder } from "./builder-context";
import { updateCondition, type BuilderCondition } from "./builder-tree";
import { changeKind, type ConditionHints, type ConditionKind } from "./condition-edits";
import {
  AttributeEditor,
  ConsentEditor,
  EventEditor,
  ScoreEditor,
  SCORES_PENDING,
  SegmentMembershipEditor,
  SequenceEditor,
  SuppressionEditor,
} from "./condition-editors";
import { CONDITION_KIND_LABELS } from "./vocabulary";

export function ConditionRow({ node, label }: { node: BuilderCondition; label: string }) {
  const { edit, fields, issue, conditionKinds } = useBuilder();
  const condition = node.condition;
  const ownIssue = issue?.nodeId === node.id ? issue : null;
  const errorId = `${node.id}-issue`;
  const hints: ConditionHints = { eventName: fields?.events[0]?.name };
  const scoresAvailable = fields?.scores.some((score) => score.available) ?? false;
  const change = (next: Condition) => edit((tree) => updateCondition(tree, node.id, (current) => ({ ...current, condition: next })));
  const props = { onChange: change, id: node.id, invalidField: ownIssue?.field };
  return (
    <div role="group" aria-label={label} aria-describedby={ownIssue ? errorId : undefined} className="min-w-0 flex-1 space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Select
          aria-label={`Kind of ${label}`}
          className="w-auto! min-w-0 font-medium"
          value={condition.kind}
          onChange={(event) => edit((tree) => updateCondition(tree, node.id, (current) => changeKind(current, event.target.value as ConditionKind, hints)))}
        >
          {Object.entries(CONDITION_KIND_LABELS).filter(([kind]) => !conditionKinds || kind === condition.kind || conditionKinds.includes(kind as ConditionKind)).map(([kind, kindLabel]) => (
            <option key={kind} value={kind} disabled={kind === "score" && !scoresAvailable && condition.kind !== "score"}>
              {kind === "score" && !scoresAvailable ? `${kindLabel} (${SCORES_PENDING})` : kindLabel}
            </option>
          ))}
        </Select>
        <div className="min-w-0 flex-1">
          {condition.kind === "attribute" ? <AttributeEditor condition={condition} {...props} /> : null}
          {condition.kind === "event" ? <EventEditor condition={condition} {...props} /> : null}
          {condition.kind === "sequence" ? <SequenceEditor condition={condition} {...props} /> : null}
          {condition.kind === "consent" ? <ConsentEditor condition={condition} {...props} /> : null}
          {condition.kind === "suppression" ? <SuppressionEditor condition={condition} {...props} /> : null}
          {condition.kind === "segment" ? <SegmentMembershipEditor condition={condition} {...props} /> : null}
          {condition.kind === "score" ? <ScoreEditor condition={condition} {...props} /> : null}
        </div>
      </div>
      {ownIssue ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {ownIssue.message}
        </p>
      ) : null}
    </div>
  );
}
