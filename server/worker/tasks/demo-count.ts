import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { defineTrackedTask } from "../task";

export const demoCountPayloadSchema = z.object({
  steps: z.int().min(1).max(1000).default(20),
  stepMs: z.int().min(0).max(5000).default(250),
});

export type DemoCountPayload = z.output<typeof demoCountPayloadSchema>;

/**
 * Counts to `steps`, one step per `stepMs`, reporting each step: proves that a job started in
 * the UI runs in the worker and that its progress shows up. `counted` is the number of steps
 * performed by this attempt, which is less than `total` when it resumed from a checkpoint.
 */
export const demoCount = defineTrackedTask({
  title: "Demo: count",
  payloadSchema: demoCountPayloadSchema,
  async run({ payload, checkpoint, progress, signal }) {
    const start = Math.min(checkpoint, payload.steps);
    for (let done = start; done < payload.steps; done++) {
      await sleep(payload.stepMs, undefined, { signal });
      await progress(done + 1, payload.steps, `Counted ${done + 1} of ${payload.steps}`);
    }
    return { counted: payload.steps - start, total: payload.steps, workerPid: process.pid };
  },
});
