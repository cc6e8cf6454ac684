import { z } from "zod";
import { adminProcedure, router } from "../trpc/init";
import { listAuditEntries } from "./list";

export const auditRouter = router({
  list: adminProcedure
    .input(z.object({ cursor: z.string().regex(/^\d+$/).nullish(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listAuditEntries(ctx.db, ctx.workspaceId, input)),
});
