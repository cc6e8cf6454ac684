import { describe, expect, it } from "vitest";
import { EVENT_RANK_REFRESH_TASK } from "../segments/event-ranks";
import { CRON_ITEMS, createCronTaskList } from "./schedule";

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

  it("re-ranks stale events every minute, with a handler for every scheduled task", () => {
    const ranks = CRON_ITEMS.find((item) => item.task === EVENT_RANK_REFRESH_TASK);
    expect(ranks?.match({ min: 7, hour: 13, date: 15, month: 6, dow: 3 })).toBe(true);
    const handlers = createCronTaskList({} as Parameters<typeof createCronTaskList>[0]);
    for (const item of CRON_ITEMS) expect(Object.keys(handlers)).toContain(item.task);
  });
});
