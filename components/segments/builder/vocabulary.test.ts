import { describe, expect, it } from "vitest";
import * as definition from "@/server/segments/definition";
import { SegmentDefinitionError, validateSegmentDefinition } from "@/server/segments/validate";
import { emptyTree, ROOT_ID, addGroup, definitionFromTree, treeFromDefinition } from "./builder-tree";
import { defaultCondition } from "./condition-edits";
import { issueFromPreviewError } from "./definition-issues";
import * as vocabulary from "./vocabulary";

describe("the builder's vocabulary", () => {
  it("matches the definition's operators, score fields and revenue property", () => {
    expect(vocabulary.OPERATORS_BY_TYPE).toEqual(definition.OPERATORS_BY_TYPE);
    expect(vocabulary.SCORE_FIELDS).toEqual(definition.SCORE_FIELDS);
    expect(vocabulary.REVENUE_PROPERTY).toBe(definition.REVENUE_PROPERTY);
  });

  it("labels every member of the definition's enumerations", () => {
    expect(Object.keys(vocabulary.OPERATOR_LABELS).sort()).toEqual([...definition.OPERATORS].sort());
    expect(Object.keys(vocabulary.CONSENT_PURPOSE_LABELS).sort()).toEqual([...definition.CONSENT_PURPOSES].sort());
    expect(Object.keys(vocabulary.CONSENT_STATE_LABELS).sort()).toEqual([...definition.CONSENT_CONDITION_STATES].sort());
    expect(Object.keys(vocabulary.SUPPRESSION_REASON_LABELS).sort()).toEqual([...definition.SUPPRESSION_REASONS].sort());
    expect(Object.keys(vocabulary.WINDOW_UNIT_LABELS).sort()).toEqual([...definition.WINDOW_UNITS].sort());
  });
});

describe("validation messages on the node at fault", () => {
  it("places the server's first issue on the condition it names, with the property", () => {
    const tree = addGroup(emptyTree(), ROOT_ID, { ...defaultCondition("attribute"), value: "" } as definition.Condition);
    const result = validateSegmentDefinition(definitionFromTree(tree));
    if (result.ok) throw new Error("expected an invalid definition");
    const error = new SegmentDefinitionError(result.issues);
    const issue = issueFromPreviewError(tree, { message: error.message, data: { field: error.field } });
    const group = tree.root.children[0];
    expect(group?.kind === "group" && issue?.nodeId === group.children[0]!.id).toBe(true);
    expect(issue).toMatchObject({ field: "value", message: "Enter a value" });
  });

  it("ignores errors that name no node, such as a timeout", () => {
    const tree = treeFromDefinition({ version: 1, root: { kind: "group", op: "and", children: [] } });
    expect(issueFromPreviewError(tree, { message: "Counting this segment took too long", data: { field: null } })).toBeNull();
    expect(issueFromPreviewError(tree, null)).toBeNull();
  });
});
