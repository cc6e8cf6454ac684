import { Worker } from "node:worker_threads";
import { type AudienceBatch, audienceBatches, type BatchPlanInput, type BatchShare } from "./generate-batches";

/** Generator threads: the generator, not COPY, bounds the load, and each thread makes every other batch. */
const THREADS = 2;

/**
 * The audience's batches in order, made by worker threads that each make their share one batch
 * ahead of the caller (so that generating overlaps loading), or inline when `threaded` is false.
 */
export async function* batchSource(input: BatchPlanInput, threaded: boolean): AsyncGenerator<AudienceBatch> {
  if (!threaded) {
    yield* audienceBatches(input);
    return;
  }
  const threads = Array.from({ length: THREADS }, (_, part) => new GeneratorThread(input, { part, parts: THREADS }));
  try {
    for (let index = 0; ; index++) {
      const batch = await threads[index % THREADS]!.next();
      if (!batch) return;
      yield batch;
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
}

/** One generator thread, asked for one batch ahead. */
class GeneratorThread {
  private readonly worker: Worker;
  private readonly replies: ((batch: AudienceBatch | null) => void)[] = [];
  private readonly pending: Promise<AudienceBatch | null>[] = [];
  private failure: Error | null = null;

  constructor(input: BatchPlanInput, share: BatchShare) {
    this.worker = startGeneratorThread(input, share);
    this.worker.on("message", (batch: AudienceBatch | null) => this.replies.shift()?.(batch));
    this.worker.on("error", (error) => {
      this.failure = error;
      for (const reply of this.replies.splice(0)) reply(null);
    });
    this.request();
  }

  /** Its next batch (asking for the one after), or null when it has made all of its share. */
  async next(): Promise<AudienceBatch | null> {
    const batch = await this.pending.shift()!;
    if (this.failure) throw this.failure;
    if (batch) this.request();
    return batch;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }

  private request() {
    this.pending.push(new Promise((resolve) => this.replies.push(resolve)));
    this.worker.postMessage("next");
  }
}

/**
 * The generator's thread runs TypeScript through tsx (the seed and bench commands run under
 * tsx; Node 20 does not hand a loader to worker threads, so the entry registers it itself).
 */
function startGeneratorThread(input: BatchPlanInput, share: BatchShare): Worker {
  const entry = new URL("./generate-thread.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: { input, share } });
}
