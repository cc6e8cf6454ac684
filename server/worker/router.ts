import { z } from "zod";
import { editorProcedure, memberProcedure, router } from "../trpc/init";
import { getJobRun, listJobRuns, startDemoJob } from "./runs";
import { demoCountPayloadSchema } from "./tasks/demo-count";

export const jobsRouter = router({
  list: memberProcedure.query(({ ctx }) => listJobRuns(ctx.db, ctx.workspaceId)),
  get: memberProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getJobRun(ctx.db, ctx.workspaceId, input.id)),
  startDemo: editorProcedure.input(demoCountPayloadSchema).mutation(({ ctx, input }) =>
    startDemoJob(ctx.db, { userId: ctx.userId, email: ctx.viewer.email, workspaceId: ctx.workspaceId }, input),
  ),
});
