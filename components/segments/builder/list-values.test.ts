import { describe, expect, it } from "vitest";
import { validateSegmentDefinition } from "@/server/segments/validate";
import { commitListText, describeAddition, removeListValueAt, sameListValue, splitListText, unchosenSuggestions } from "./list-values";

const typing = { typing: true };
const done = { typing: false };

describe("list values", () => {
  it("splits pasted text on commas and line breaks, dropping blanks", () => {
    expect(splitListText(" US, GB ,,CA\nDE\r\n")).toEqual(["US", "GB", "CA", "DE"]);
    expect(splitListText(" , ")).toEqual([]);
  });

  it("adds every item of a pasted list, in order", () => {
    expect(commitListText([], "US, GB, CA", "string", done)).toMatchObject({ values: ["US", "GB", "CA"], added: ["US", "GB", "CA"], rest: "" });
  });

  it("adds the item a comma closes and keeps what follows it in the input", () => {
    expect(commitListText(["US"], "GB,", "string", typing)).toMatchObject({ values: ["US", "GB"], added: ["GB"], rest: "" });
    expect(commitListText(["US"], "GB, C", "string", typing)).toMatchObject({ values: ["US", "GB"], rest: "C" });
  });

  it("leaves text without a comma in the input while typing", () => {
    expect(commitListText(["US"], "G", "string", typing)).toEqual({ values: ["US"], added: [], duplicates: [], invalid: [], rest: "G" });
  });

  it("adds the whole input on Enter, even without a comma", () => {
    expect(commitListText(["US"], " GB ", "string", done)).toMatchObject({ values: ["US", "GB"], rest: "" });
  });

  it("does not add a text value twice, whatever its case", () => {
    const result = commitListText(["US"], "us, GB, gb", "string", done);
    expect(result.values).toEqual(["US", "GB"]);
    expect(result.duplicates).toEqual(["us", "gb"]);
    expect(describeAddition(result)).toEqual({ error: null, status: "Added GB. “us”, “gb” are already in the list." });
  });

  it("tells text values apart by accent but not by case", () => {
    expect(sameListValue("Zürich", "zürich")).toBe(true);
    expect(sameListValue("Zürich", "Zurich")).toBe(false);
    expect(sameListValue(2, 2)).toBe(true);
    expect(sameListValue("2", 2)).toBe(false);
  });

  it("reads a number list's items as numbers and does not add the same number twice", () => {
    expect(commitListText([10], "20, 1e1, 2.5", "number", done)).toMatchObject({ values: [10, 20, 2.5], duplicates: ["1e1"], rest: "" });
  });

  it("keeps an item that is not a number in the input with a message, and adds the others", () => {
    const result = commitListText([], "20, abc, 30", "number", done);
    expect(result).toMatchObject({ values: [20, 30], invalid: ["abc"], rest: "abc" });
    expect(describeAddition(result)).toEqual({ error: "“abc” is not a number: enter a number.", status: "Added 20, 30." });
  });

  it("keeps a rejected item ahead of the text still being typed", () => {
    expect(commitListText([], "x, 4", "number", typing)).toMatchObject({ values: [], invalid: ["x"], rest: "x, 4" });
  });

  it("treats a number list's blank text as nothing to add", () => {
    expect(commitListText([1], "  ", "number", done)).toEqual({ values: [1], added: [], duplicates: [], invalid: [], rest: "" });
  });

  it("removes the value at an index, keeping the others in order", () => {
    expect(removeListValueAt(["US", "GB", "CA"], 1)).toEqual(["US", "CA"]);
    expect(removeListValueAt(["US", "GB", "CA"], 2)).toEqual(["US", "GB"]);
  });

  it("suggests only the workspace values not chosen yet, whatever their case", () => {
    expect(unchosenSuggestions(["US", "GB", "DE", "FR"], ["gb", "FR"])).toEqual(["US", "DE"]);
  });

  it("gives the server a predicate it accepts, of the same shape as before", () => {
    const { values } = commitListText([], "US, GB", "string", done);
    const { values: amounts } = commitListText([], "10, 20.5", "number", done);
    const definition = {
      version: 1,
      root: {
        kind: "group",
        op: "and",
        negate: false,
        children: [
          { kind: "attribute", field: "country", valueType: "string", op: "in_list", values },
          { kind: "attribute", field: "attributes.size", valueType: "number", op: "in_list", values: amounts },
        ],
      },
    };
    expect(validateSegmentDefinition(definition)).toMatchObject({ ok: true });
  });
});
