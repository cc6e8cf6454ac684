import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttleWrites } from "./throttle";

describe("throttleWrites", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recorder() {
    const written: number[] = [];
    const writer = throttleWrites<number>(async (value) => {
      written.push(value);
    }, 250);
    return { written, writer };
  }

  it("writes the first value at once", async () => {
    const { written, writer } = recorder();
    await writer.push(1);
    expect(written).toEqual([1]);
  });

  it("writes at most once per interval while values keep coming", async () => {
    const { written, writer } = recorder();
    for (let value = 1; value <= 100; value++) {
      await writer.push(value);
      await vi.advanceTimersByTimeAsync(10);
    }
    // 100 pushes over ~1 s: one write per 250 ms window.
    expect(written.length).toBeLessThanOrEqual(5);
    expect(written[0]).toBe(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(written.at(-1)).toBe(100);
  });

  it("writes the newest waiting value once the interval has passed", async () => {
    const { written, writer } = recorder();
    await writer.push(1);
    await writer.push(2);
    await writer.push(3);
    expect(written).toEqual([1]);
    await vi.advanceTimersByTimeAsync(250);
    expect(written).toEqual([1, 3]);
  });

  it("flush writes the last value without waiting", async () => {
    const { written, writer } = recorder();
    await writer.push(1);
    await writer.push(2);
    await writer.flush();
    expect(written).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([1, 2]);
  });

  it("flush with nothing waiting writes nothing more", async () => {
    const { written, writer } = recorder();
    await writer.push(1);
    await writer.flush();
    expect(written).toEqual([1]);
  });

  it("keeps writes in order when a write is slow", async () => {
    const written: number[] = [];
    const writer = throttleWrites<number>(async (value) => {
      await new Promise((resolve) => setTimeout(resolve, value === 1 ? 500 : 1));
      written.push(value);
    }, 0);
    const first = writer.push(1);
    const second = writer.push(2);
    await vi.advanceTimersByTimeAsync(600);
    await Promise.all([first, second]);
    expect(written).toEqual([1, 2]);
  });

  it("reports a failed write to its caller and still performs the next one", async () => {
    const written: number[] = [];
    const writer = throttleWrites<number>(async (value) => {
      if (value === 1) throw new Error("database unavailable");
      written.push(value);
    }, 0);
    await expect(writer.push(1)).rejects.toThrow("database unavailable");
    await writer.push(2);
    expect(written).toEqual([2]);
  });
});
