import { Worker } from "node:worker_threads";
import { type AudienceBatch, audienceBatches, type BatchPlanInput } from "./generate-batches";

/**
 * The audience's batches, made in a worker thread one batch ahead of the caller (so that
 * generating batch n+1 overlaps loading batch n), or inline when `threaded` is false.
 */
export async function* batchSource(input: BatchPlanInput, threaded: boolean): AsyncGenerator<AudienceBatch> {
  if (!threaded) {
    yield* audienceBatches(input);
    return;
  }
  const worker = startGeneratorThread(input);
  const replies: ((batch: AudienceBatch | null) => void)[] = [];
  let failure: Error | null = null;
  const pending: Promise<AudienceBatch | null>[] = [];
  const request = () => {
    pending.push(new Promise((resolve) => replies.push(resolve)));
    worker.postMessage("next");
  };
  worker.on("message", (batch: AudienceBatch | null) => replies.shift()?.(batch));
  worker.on("error", (error) => {
    failure = error;
    for (const reply of replies.splice(0)) reply(null);
  });
  try {
    request();
    for (;;) {
      const batch = await pending.shift()!;
      if (failure) throw failure;
      if (!batch) return;
      request();
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The generator's thread runs TypeScript through tsx (the seed and bench commands run under
 * tsx; Node 20 does not hand a loader to worker threads, so the entry registers it itself).
 */
function startGeneratorThread(input: BatchPlanInput): Worker {
  const entry = new URL("./generate-thread.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}
