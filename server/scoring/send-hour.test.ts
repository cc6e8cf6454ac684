import { describe, expect, it } from "vitest";
import { bestSendHour, localHourToUtc, sendHourCounts, timeZoneOffsetMinutes, toLocalHistogram, utcHourToLocal, workspaceHourPrior } from "./send-hour";

const histogram = (entries: Record<number, number>) => Float64Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);
const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

const contacts = (count: number, entries: Record<number, number>) => Array.from({ length: count }, () => histogram(entries));

describe("workspaceHourPrior", () => {
  it("gives every contact one vote, however busy", () => {
    const prior = workspaceHourPrior([histogram({ 3: 1000 }), ...contacts(5, { 9: 1 })]);
    expect(prior[9]).toBeGreaterThan(prior[3]!);
    expect(prior.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("keeps every hour possible and ignores contacts without events", () => {
    const prior = workspaceHourPrior([...contacts(3, { 12: 2 }), histogram({})]);
    expect(prior[12]).toBeCloseTo((3 + 1 / 24) / 4, 12);
    expect(prior[0]).toBeCloseTo(1 / 24 / 4, 12);
  });
});

describe("sendHourCounts", () => {
  it("counts opens and clicks fully, visits and orders at half weight", () => {
    const counts = sendHourCounts({ engagement: histogram({ 8: 2 }), visits: histogram({ 8: 1, 20: 4 }), orders: histogram({ 21: 1 }) });
    expect(counts[8]).toBe(2.5);
    expect(counts[20]).toBe(2);
    expect(counts[21]).toBe(0.5);
  });
});

describe("bestSendHour", () => {
  const peaked = workspaceHourPrior([...contacts(6, { 9: 5 }), ...contacts(4, { 20: 3 })]);
  const flat = workspaceHourPrior(Array.from({ length: 240 }, (_, c) => histogram({ [c % 24]: 1 })));

  it("gives a contact without events the workspace's favourite hour", () => {
    expect(bestSendHour(histogram({}), peaked)).toEqual({ hour: 9, probability: expect.closeTo(peaked[9]!, 12), engagements: 0 });
  });

  it("lets a couple of events move the estimate only when the prior is weak there", () => {
    expect(bestSendHour(histogram({ 14: 2 }), peaked).hour).toBe(9);
    expect(bestSendHour(histogram({ 20: 4 }), peaked).hour).toBe(20);
  });

  it("takes a contact's own hour from a single event when the workspace has no favourite", () => {
    expect(bestSendHour(histogram({ 21: 1 }), flat).hour).toBe(21);
    expect(bestSendHour(histogram({ 6: 0.5 }), flat).hour).toBe(6);
  });

  it("follows a contact's own habit once there is enough of it", () => {
    const estimate = bestSendHour(histogram({ 14: 30, 9: 2 }), peaked);
    expect(estimate.hour).toBe(14);
    expect(estimate.engagements).toBe(32);
    expect(estimate.probability).toBeGreaterThan(0.6);
  });

  it("breaks ties on the earliest hour", () => {
    expect(bestSendHour(histogram({ 7: 5, 18: 5 }), workspaceHourPrior([])).hour).toBe(7);
  });
});

describe("time zones", () => {
  it("reads offsets, daylight saving included, and tolerates unknown zones", () => {
    expect(timeZoneOffsetMinutes("Europe/Paris", winter)).toBe(60);
    expect(timeZoneOffsetMinutes("Europe/Paris", summer)).toBe(120);
    expect(timeZoneOffsetMinutes("Asia/Kolkata", winter)).toBe(330);
    expect(timeZoneOffsetMinutes("America/Los_Angeles", summer)).toBe(-420);
    expect(timeZoneOffsetMinutes("Mars/Olympus", winter)).toBeNull();
  });

  it("converts hours both ways", () => {
    expect(utcHourToLocal(8, "Europe/Paris", winter)).toBe(9);
    expect(utcHourToLocal(8, "Europe/Paris", summer)).toBe(10);
    expect(utcHourToLocal(3, "America/New_York", winter)).toBe(22);
    expect(localHourToUtc(22, "America/New_York", winter)).toBe(3);
    expect(utcHourToLocal(10, "Asia/Kolkata", winter)).toBe(16);
    expect(utcHourToLocal(8, "Mars/Olympus", winter)).toBe(8);
    expect(utcHourToLocal(8, null, winter)).toBe(8);
  });

  it("re-buckets a UTC histogram into local hours", () => {
    const local = toLocalHistogram(histogram({ 23: 4, 0: 1 }), "Asia/Tokyo", winter);
    expect(local[8]).toBe(4);
    expect(local[9]).toBe(1);
    expect(local.reduce((a, b) => a + b)).toBe(5);
  });
});
