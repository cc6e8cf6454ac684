import { describe, expect, it } from "vitest";
import { addCondition, emptyTree, ROOT_ID } from "./builder-tree";
import { defaultCondition } from "./condition-edits";
import { issueFromPreviewError } from "./definition-issues";

const tree = addCondition(addCondition(emptyTree(), ROOT_ID, defaultCondition("attribute")), ROOT_ID, defaultCondition("segment"));
const [country, membership] = tree.root.children;
const badRequest = (message: string, field: string | null) => ({ message, data: { code: "BAD_REQUEST", field } });

describe("issueFromPreviewError", () => {
  it("places a validation message on the condition and property it names", () => {
    const issue = issueFromPreviewError(tree, badRequest("root.children[0] (value): Enter some text.", "root.children[0]"));
    expect(issue).toEqual({ nodeId: country!.id, field: "value", message: "Enter some text." });
  });

  it("places a message without the path prefix, such as a segment cycle, on the condition it names", () => {
    const issue = issueFromPreviewError(tree, badRequest("This refers to a segment that contains itself (a → b → a).", "root.children[1]"));
    expect(issue).toEqual({ nodeId: membership!.id, message: "This refers to a segment that contains itself (a → b → a)." });
  });

  it("leaves errors that name no condition, or one the builder no longer has, to the page", () => {
    expect(issueFromPreviewError(tree, badRequest("Counting took too long.", null))).toBeNull();
    expect(issueFromPreviewError(tree, badRequest("root.children[5]: Enter a value", "root.children[5]"))).toBeNull();
    expect(issueFromPreviewError(tree, null)).toBeNull();
  });
});
