import { z } from "zod";
import { memberProcedure, router } from "../trpc/init";
import { getOutboxMessage, listOutboxMessages } from "./list-messages";

/** outbox.* — messages the local capture server received for this workspace (test sends when SMTP_URL is unset). */
export const outboxRouter = router({
  list: memberProcedure.query(({ ctx }) => listOutboxMessages(ctx.db, ctx.workspaceId)),
  get: memberProcedure.input(z.object({ id: z.uuid("Not a message id") })).query(({ ctx, input }) => getOutboxMessage(ctx.db, ctx.workspaceId, input.id)),
});
