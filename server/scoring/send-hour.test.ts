import { describe, expect, it } from "vitest";
import { bestSendHour, localHourToUtc, timeZoneOffsetMinutes, toLocalHistogram, utcHourToLocal, workspaceHourPrior } from "./send-hour";

const histogram = (entries: Record<number, number>) => Float64Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);
const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");

describe("bestSendHour", () => {
  const prior = workspaceHourPrior(histogram({ 9: 500, 20: 300 }));

  it("gives a contact without engagement the workspace's favourite hour", () => {
    expect(bestSendHour(histogram({}), prior)).toEqual({ hour: 9, probability: expect.closeTo(prior[9]!, 12), engagements: 0 });
  });

  it("lets a couple of engagements move the estimate only when the prior is weak there", () => {
    expect(bestSendHour(histogram({ 14: 2 }), prior).hour).toBe(9);
    expect(bestSendHour(histogram({ 20: 4 }), prior).hour).toBe(20);
  });

  it("follows a contact's own habit once there is enough of it", () => {
    const estimate = bestSendHour(histogram({ 14: 30, 9: 2 }), prior);
    expect(estimate.hour).toBe(14);
    expect(estimate.engagements).toBe(32);
    expect(estimate.probability).toBeGreaterThan(0.6);
  });

  it("breaks ties on the earliest hour", () => {
    expect(bestSendHour(histogram({ 7: 5, 18: 5 }), workspaceHourPrior(histogram({}))).hour).toBe(7);
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
