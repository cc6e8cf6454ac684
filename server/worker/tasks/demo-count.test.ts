import { describe, expect, it } from "vitest";
import { demoCountPayloadSchema } from "./demo-count";

describe("demo.count payload", () => {
  it("defaults to 20 steps of 250 ms", () => {
    expect(demoCountPayloadSchema.parse({})).toEqual({ steps: 20, stepMs: 250 });
  });

  it("accepts the bounds", () => {
    expect(demoCountPayloadSchema.parse({ steps: 1, stepMs: 0 })).toEqual({ steps: 1, stepMs: 0 });
    expect(demoCountPayloadSchema.parse({ steps: 1000, stepMs: 5000 })).toEqual({ steps: 1000, stepMs: 5000 });
  });

  it.each([
    ["no steps", { steps: 0 }],
    ["more than 1000 steps", { steps: 1001 }],
    ["fractional steps", { steps: 2.5 }],
    ["a negative step time", { stepMs: -1 }],
    ["a step time over 5 s", { stepMs: 5001 }],
    ["steps given as text", { steps: "20" }],
  ])("rejects %s", (_label, payload) => {
    expect(demoCountPayloadSchema.safeParse(payload).success).toBe(false);
  });
});
