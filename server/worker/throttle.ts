export type ThrottledWriter<T> = {
  /** Writes `value` now or, when the last write was too recent, later (the newest value wins). */
  push(value: T): Promise<void>;
  /** Writes the value still waiting, if any, and resolves once the last write has finished. */
  flush(): Promise<void>;
};

/**
 * Limits writes to one per `minIntervalMs` without ever losing the latest value: a value that
 * arrives too soon waits for a trailing write (or `flush`). Writes run one after another, in
 * order, so a slow write never lets an older value overwrite a newer one.
 */
export function throttleWrites<T>(
  write: (value: T) => Promise<void>,
  minIntervalMs: number,
  now: () => number = Date.now,
): ThrottledWriter<T> {
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writes: Promise<void> = Promise.resolve();

  function writeNow(value: T): Promise<void> {
    lastWriteAt = now();
    // A failed write must not block the ones after it; its own caller still sees the error.
    writes = writes.catch(() => undefined).then(() => write(value));
    return writes;
  }

  function takeWaiting(): { value: T } | null {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = waiting;
    waiting = null;
    return taken;
  }

  return {
    push(value) {
      const waitMs = lastWriteAt + minIntervalMs - now();
      if (waitMs <= 0) {
        takeWaiting();
        return writeNow(value);
      }
      waiting = { value };
      timer ??= setTimeout(() => {
        const taken = takeWaiting();
        // Nobody awaits a trailing write: if it fails and no later write follows, flush rejects.
        if (taken) writeNow(taken.value).catch(() => undefined);
      }, waitMs);
      return Promise.resolve();
    },
    flush() {
      const taken = takeWaiting();
      return taken ? writeNow(taken.value) : writes;
    },
  };
}
