import { adminProcedure, router } from "../../trpc/init";
import { createWriteKeyInput, revokeWriteKeyInput } from "./schemas";
import { createWriteKey, listWriteKeys, revokeWriteKey } from "./write-keys";

const actorOf = (ctx: { userId: string; workspaceId: string; viewer: { email: string } }) => ({
  userId: ctx.userId,
  email: ctx.viewer.email,
  workspaceId: ctx.workspaceId,
});

// Admins only, reads included: a key's name and prefix say which sites send data.
export const writeKeysRouter = router({
  list: adminProcedure.query(({ ctx }) => listWriteKeys(ctx.db, ctx.workspaceId)),
  create: adminProcedure.input(createWriteKeyInput).mutation(({ ctx, input }) => createWriteKey(ctx.db, actorOf(ctx), input)),
  revoke: adminProcedure.input(revokeWriteKeyInput).mutation(({ ctx, input }) => revokeWriteKey(ctx.db, actorOf(ctx), input)),
});
