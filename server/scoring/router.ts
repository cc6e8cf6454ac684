import { z } from "zod";
import { editorProcedure, memberProcedure, router } from "../trpc/init";
import { startScoreRun } from "./pipeline/start-score-run";
import { listScoreRuns } from "./store/list-score-runs";
import { readContactScores } from "./store/read-contact-scores";
import { readLatestScores } from "./store/read-latest-scores";

const contactIdSchema = z.string().regex(/^\d{1,18}$/, "Not a contact id");

export const scoresRouter = router({
  latest: memberProcedure.query(({ ctx }) => readLatestScores(ctx.db, ctx.workspaceId)),
  runs: memberProcedure.query(({ ctx }) => listScoreRuns(ctx.db, ctx.workspaceId)),
  run: editorProcedure.mutation(({ ctx }) => startScoreRun(ctx.db, { userId: ctx.userId, email: ctx.viewer.email, workspaceId: ctx.workspaceId })),
  contact: memberProcedure
    .input(z.object({ contactId: contactIdSchema }))
    .query(({ ctx, input }) => readContactScores(ctx.db, ctx.workspaceId, input.contactId)),
});
