import { describe, expect, it } from "vitest";
import { audienceBatches, BATCH_CONTACTS, type BatchPlanInput } from "./generate-batches";

const input: BatchPlanInput = { workspaceId: "ws", contacts: BATCH_CONTACTS + 500, events: 40_000, seed: 3, nowMs: Date.UTC(2026, 10, 20), firstId: "1000" };

describe("audienceBatches", () => {
  it("splits the contacts into batches and spreads exactly the requested events over them", () => {
    const batches = [...audienceBatches(input)];
    expect(batches.map((batch) => batch.contacts)).toEqual([BATCH_CONTACTS, 500]);
    expect(batches.reduce((sum, batch) => sum + batch.events, 0)).toBe(40_000);
    const eventLines = batches.flatMap((batch) => batch.eventPieces.join("").split("\n").filter(Boolean));
    expect(eventLines).toHaveLength(40_000);
  });

  it("numbers contacts from the reserved first id, in order", () => {
    const [first] = audienceBatches({ ...input, contacts: 3, events: 0 });
    expect(first!.contactText.split("\n").filter(Boolean).map((line) => line.split("\t")[0])).toEqual(["1000", "1001", "1002"]);
  });

  it("makes the same text for the same seed", () => {
    const text = (seed: number) => [...audienceBatches({ ...input, contacts: 200, events: 1_000, seed })].map((b) => b.contactText + b.eventPieces.join("")).join("");
    expect(text(5)).toBe(text(5));
    expect(text(5)).not.toBe(text(6));
  });

  it("makes the same batches when two generators split them, each making every other batch", () => {
    const split = { ...input, contacts: 3 * BATCH_CONTACTS + 7, events: 20_000 };
    const whole = [...audienceBatches(split)];
    const shares = [0, 1].map((part) => [...audienceBatches(split, { part, parts: 2 })]);
    expect(shares.map((share) => share.length)).toEqual([2, 2]);
    expect([shares[0]![0], shares[1]![0], shares[0]![1], shares[1]![1]]).toEqual(whole);
  });
});
