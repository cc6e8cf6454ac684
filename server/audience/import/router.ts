import { editorProcedure, memberProcedure, router } from "../../trpc/init";
import { importIdSchema, startImportSchema } from "./schemas";
import { startImport } from "./start-import";
import { getImport, listImports } from "./view";

export const importsRouter = router({
  list: memberProcedure.query(({ ctx }) => listImports(ctx.db, ctx.workspaceId)),
  get: memberProcedure.input(importIdSchema).query(({ ctx, input }) => getImport(ctx.db, ctx.workspaceId, input.id)),
  start: editorProcedure.input(startImportSchema).mutation(async ({ ctx, input }) => {
    const started = await startImport(ctx.db, { userId: ctx.userId, email: ctx.viewer.email, workspaceId: ctx.workspaceId }, input);
    return getImport(ctx.db, ctx.workspaceId, started.id);
  }),
});
