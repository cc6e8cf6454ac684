import { describe, expect, it } from "vitest";
import type { SegmentDefinition } from "./definition";
import { resolveSegmentReferences, segmentReferences } from "./references";
import { attr, definitionOf } from "./testing/operator-cases";

const ref = (segmentId: string, member = true) => ({ kind: "segment" as const, segmentId, member });
const loaderOf = (segments: Record<string, SegmentDefinition>) => async (id: string) => segments[id] ?? null;
const leaf = definitionOf(attr({ field: "country", valueType: "string", op: "is_set" }));

describe("resolveSegmentReferences", () => {
  it("loads the segments referred to, directly and through others", async () => {
    const resolved = await resolveSegmentReferences(definitionOf(ref("a")), loaderOf({ a: definitionOf(ref("b", false)), b: leaf }));
    expect([...resolved.keys()]).toEqual(["a", "b"]);
  });

  it("rejects a cycle, naming the chain", async () => {
    const load = loaderOf({ a: definitionOf(ref("b")), b: definitionOf(ref("a")) });
    await expect(resolveSegmentReferences(definitionOf(ref("a")), load)).rejects.toThrow("This refers to a segment that contains itself (a → b → a).");
  });

  it("rejects a segment that refers to itself while being edited", async () => {
    await expect(resolveSegmentReferences(definitionOf(ref("self")), loaderOf({ self: leaf }), "self")).rejects.toThrow(/self → self/);
  });

  it("places a cycle found through another segment on the condition that leads to it", async () => {
    const edited = definitionOf(leaf.root, ref("a"));
    await expect(resolveSegmentReferences(edited, loaderOf({ a: definitionOf(ref("self")), self: leaf }), "self")).rejects.toMatchObject({
      message: "This refers to a segment that contains itself (self → a → self).",
      field: "root.children[1]",
    });
  });

  it("accepts the same segment reached twice without a cycle", async () => {
    const load = loaderOf({ a: definitionOf(ref("c")), b: definitionOf(ref("c")), c: leaf });
    expect((await resolveSegmentReferences(definitionOf(ref("a"), ref("b")), load)).size).toBe(3);
  });

  it("rejects a reference to a segment that does not exist, at its path", async () => {
    await expect(resolveSegmentReferences(definitionOf(leaf.root, ref("gone")), loaderOf({}))).rejects.toMatchObject({
      message: "Segment gone does not exist in this workspace.",
      field: "root.children[1]",
    });
  });

  it("lists where a definition refers to segments", () => {
    expect(segmentReferences(definitionOf(leaf.root, { kind: "group", op: "or", children: [ref("x")] }))).toEqual([{ segmentId: "x", path: "root.children[1].children[0]" }]);
  });
});
