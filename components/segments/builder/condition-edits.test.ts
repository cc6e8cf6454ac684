import { describe, expect, it } from "vitest";
import type { AttributeCondition, Condition } from "@/server/segments/definition";
import { validateSegmentDefinition } from "@/server/segments/validate";
import type { BuilderCondition } from "./builder-tree";
import {
  changeAttributeField,
  changeFilterProperty,
  changeKind,
  changeOperator,
  changeScoreField,
  defaultCondition,
  definitionCondition,
  parseOperand,
} from "./condition-edits";

const node = (condition: Condition): BuilderCondition => ({ id: "n1", kind: "condition", condition, drafts: {} });
const attribute = (extra: Partial<AttributeCondition>): AttributeCondition => ({
  kind: "attribute",
  field: "country",
  valueType: "string",
  op: "equals",
  ...extra,
});

describe("condition edits", () => {
  it("keeps what was typed when switching kind and back", () => {
    const typed = node(attribute({ value: "DE" }));
    const asEvent = changeKind(typed, "event", { eventName: "Order Completed" });
    expect(asEvent.condition).toMatchObject({ kind: "event", name: "Order Completed" });
    expect(changeKind(asEvent, "attribute").condition).toEqual(attribute({ value: "DE" }));
  });

  it("carries the event name between event and sequence conditions", () => {
    const event = node({ ...defaultCondition("event"), name: "Checkout Started" } as Condition);
    expect(changeKind(event, "sequence").condition).toMatchObject({ first: { name: "Checkout Started" } });
  });

  it("keeps every operand when the operator changes, and sends only those the operator reads", () => {
    let condition = attribute({ value: "DE" });
    condition = changeOperator(condition, "in_list");
    condition = { ...condition, values: ["DE", "FR"] };
    expect(definitionCondition(condition)).toEqual(attribute({ op: "in_list", values: ["DE", "FR"] }));
    expect(definitionCondition(changeOperator(condition, "equals"))).toEqual(attribute({ value: "DE" }));
    expect(definitionCondition(changeOperator(condition, "is_set"))).toEqual(attribute({ op: "is_set" }));
  });

  it("keeps the operator and converts operands that still apply when the field type changes", () => {
    const byAge = changeAttributeField(attribute({ value: "42", op: "equals" }), "attributes.age", "number");
    expect(byAge).toMatchObject({ field: "attributes.age", valueType: "number", op: "equals", value: 42 });
    const byDate = changeAttributeField(attribute({ value: "DE", op: "contains" }), "created_at", "date");
    expect(byDate).toMatchObject({ field: "created_at", valueType: "date", op: "before" });
  });

  it("types score conditions by their score field", () => {
    const score = defaultCondition("score");
    expect(changeScoreField(score, "rfm_segment")).toMatchObject({ field: "rfm_segment", valueType: "string", op: "equals" });
  });

  it("treats revenue filters as numbers", () => {
    expect(changeFilterProperty({ property: "category", valueType: "string", op: "equals", value: "12" }, "revenue", "string")).toEqual({
      property: "revenue",
      valueType: "number",
      op: "equals",
      value: 12,
    });
  });

  it("reads typed operands: numbers as numbers, anything else as typed", () => {
    expect(parseOperand("number", " 50 ")).toBe(50);
    expect(parseOperand("number", "fifty")).toBe("fifty");
    expect(parseOperand("string", "'; drop table contact; --")).toBe("'; drop table contact; --");
  });

  it("starts every kind from a condition the server accepts once its blanks are filled", () => {
    const filled: Condition[] = [
      { ...attribute({ value: "DE" }) },
      { ...defaultCondition("event"), name: "Order Completed" } as Condition,
      defaultCondition("consent"),
      defaultCondition("suppression"),
      { ...defaultCondition("score"), value: 0.5 } as Condition,
    ];
    const definition = { version: 1, root: { kind: "group", op: "and", children: filled.map(definitionCondition) } };
    expect(validateSegmentDefinition(definition)).toMatchObject({ ok: true });
  });
});
