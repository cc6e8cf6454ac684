import { describe, expect, it } from "vitest";
import { compileSegmentToSql } from "./compile";
import { SEGMENT_TEMPLATES } from "./templates";
import { validateSegmentDefinition } from "./validate";

describe("SEGMENT_TEMPLATES", () => {
  it("offers the five starting points of the issue", () => {
    expect(SEGMENT_TEMPLATES.map((t) => t.id)).toEqual(["frequent-buyers", "engaged-infrequent", "lapsed", "browsers", "abandoned-cart"]);
  });

  it.each(SEGMENT_TEMPLATES)("$name is a valid definition that compiles", ({ definition }) => {
    expect(validateSegmentDefinition(definition)).toEqual({ ok: true, definition });
    expect(() => compileSegmentToSql(definition, { workspaceId: "00000000-0000-4000-8000-000000000001", now: new Date() })).not.toThrow();
  });
});
