// The worker domain's public surface for the rest of the app.
export { progressPercent, type RunProgress } from "./progress";
export { enqueueJob, installQueueSchema, InvalidJobPayloadError, type EnqueueJobInput } from "./queue";
export { TASKS, type TaskName } from "./registry";
export { jobsRouter } from "./router";
export { getJobRun, listJobRuns, startDemoJob, type JobRunView } from "./runs";
