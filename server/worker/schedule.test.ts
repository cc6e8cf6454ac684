import { describe, expect, it } from "vitest";
import { CRON_ITEMS } from "./schedule";

describe("worker schedule", () => {
  it("runs maintenance.cleanup at the top of every hour", () => {
    const cleanup = CRON_ITEMS.find((item) => item.task === "maintenance.cleanup");
    expect(cleanup).toBeDefined();
    const at = (hour: number, min: number) => ({ min, hour, date: 15, month: 6, dow: 3 });
    expect(cleanup?.match(at(0, 0))).toBe(true);
    expect(cleanup?.match(at(13, 0))).toBe(true);
    expect(cleanup?.match(at(13, 1))).toBe(false);
    expect(cleanup?.match(at(13, 30))).toBe(false);
  });
});
