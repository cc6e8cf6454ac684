// Worker-thread entry: makes the audience's batches while the main thread loads the previous ones.
import { parentPort, workerData } from "node:worker_threads";
import { audienceBatches, type BatchPlanInput } from "./generate-batches";

const port = parentPort!;
const batches = audienceBatches(workerData as BatchPlanInput);
// The main thread asks for each batch it wants; a request is answered by the next batch or null at the end.
port.on("message", () => {
  const next = batches.next();
  port.postMessage(next.done ? null : next.value);
  if (next.done) port.close();
});
