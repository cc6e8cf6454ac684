// Worker-thread entry: makes its share of the audience's batches while the main thread loads earlier ones.
import { parentPort, workerData } from "node:worker_threads";
import { audienceBatches, type BatchPlanInput, type BatchShare } from "./generate-batches";

const port = parentPort!;
const { input, share } = workerData as { input: BatchPlanInput; share: BatchShare };
const batches = audienceBatches(input, share);
// The main thread asks for each batch it wants; a request is answered by the next batch or null at the end.
port.on("message", () => {
  const next = batches.next();
  port.postMessage(next.done ? null : next.value);
  if (next.done) port.close();
});
