import type pg from "pg";
import { describe, expect, it } from "vitest";
import { OrderedBatchWriter } from "./ordered-batches";

/** A connection that answers every statement after a tick, recording what it was sent. */
function fakeClient(name: string, log: string[]): pg.ClientBase {
  return {
    query: async (sql: string) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push(`${name}: ${sql.split("(")[0]!.trim()}`);
      return { rows: [], rowCount: 0 };
    },
  } as unknown as pg.ClientBase;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("OrderedBatchWriter", () => {
  it("writes two batches at once on two connections and commits them in submission order", async () => {
    const log: string[] = [];
    const writer = new OrderedBatchWriter([fakeClient("a", log), fakeClient("b", log)], "test");
    const events: string[] = [];
    for (const [index, ms] of [40, 5, 30, 5].entries()) {
      await writer.submit(async ({ waitForEarlier }) => {
        events.push(`start ${index}`);
        await sleep(ms);
        await waitForEarlier();
        events.push(`checkpoint ${index}`);
        return { changedExisting: false };
      });
    }
    await writer.finish();
    expect(events.filter((e) => e.startsWith("checkpoint"))).toEqual(["checkpoint 0", "checkpoint 1", "checkpoint 2", "checkpoint 3"]);
    // Batch 1 started while batch 0 was still writing.
    expect(events.indexOf("start 1")).toBeLessThan(events.indexOf("checkpoint 0"));
    expect(log.filter((line) => line.endsWith("commit"))).toHaveLength(4);
  });

  it("redoes a batch that started beside one that changed existing contacts, then writes one at a time", async () => {
    const log: string[] = [];
    const writer = new OrderedBatchWriter([fakeClient("a", log), fakeClient("b", log)], "test");
    const starts: number[] = [];
    const startedWithRunning: boolean[] = [];
    let running = 0;
    for (const index of [0, 1, 2, 3]) {
      await writer.submit(async ({ waitForEarlier }) => {
        starts.push(index);
        startedWithRunning.push(running > 0);
        running++;
        try {
          await sleep(index === 0 ? 30 : 5);
          await waitForEarlier();
          return { changedExisting: true };
        } finally {
          running--;
        }
      });
    }
    await writer.finish();
    // Batches 1 and 2 had started beside the one before them; batch 3 started after them.
    expect(starts).toEqual([0, 1, 1, 2, 2, 3]);
    expect(startedWithRunning).toEqual([false, true, false, true, false, false]);
    expect(log.filter((line) => line.endsWith("rollback to savepoint batch_write"))).toHaveLength(2);
  });

  it("fails every later batch when one fails, and reports the first failure", async () => {
    const log: string[] = [];
    const writer = new OrderedBatchWriter([fakeClient("a", log), fakeClient("b", log)], "test");
    await writer.submit(async () => {
      await sleep(20);
      throw new Error("batch 0 broke");
    });
    const second = await writer.submit(async ({ waitForEarlier }) => {
      await waitForEarlier();
      return { changedExisting: false };
    });
    await expect(second.done).rejects.toThrow("batch 0 broke");
    await expect(writer.finish()).rejects.toThrow("batch 0 broke");
    await expect(writer.submit(async () => ({ changedExisting: false }))).rejects.toThrow("batch 0 broke");
  });
});
