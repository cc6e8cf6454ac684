import { getEnv } from "../env";
import { adminProcedure, memberProcedure, router } from "../trpc/init";
import { inviteMember, listPendingInvitations, revokeInvitation } from "./invitations";
import { changeMemberRole, listMembers, removeMember } from "./members";
import { changeRoleInput, inviteMemberInput, removeMemberInput, revokeInvitationInput } from "./schemas";

export const workspaceRouter = router({
  /** The caller, their role here, and every workspace they can switch to. */
  current: memberProcedure.query(({ ctx }) => ({
    user: { id: ctx.viewer.userId, name: ctx.viewer.name, email: ctx.viewer.email },
    workspaceId: ctx.workspaceId,
    role: ctx.role,
    workspaces: ctx.viewer.workspaces,
  })),
});

const actorOf = (ctx: { userId: string; workspaceId: string; viewer: { email: string } }) => ({
  userId: ctx.userId,
  email: ctx.viewer.email,
  workspaceId: ctx.workspaceId,
});

export const membersRouter = router({
  list: adminProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.workspaceId)),
  invitations: adminProcedure.query(({ ctx }) => listPendingInvitations(ctx.db, ctx.workspaceId)),
  invite: adminProcedure.input(inviteMemberInput).mutation(async ({ ctx, input }) => {
    const { invitation, link } = await inviteMember(ctx.db, actorOf(ctx), input, getEnv().APP_URL);
    return { id: invitation.id, email: invitation.email, role: invitation.role, link };
  }),
  revokeInvitation: adminProcedure
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, actorOf(ctx), input)),
  changeRole: adminProcedure.input(changeRoleInput).mutation(async ({ ctx, input }) => {
    const updated = await changeMemberRole(ctx.db, actorOf(ctx), input);
    return { membershipId: updated.id, role: updated.role };
  }),
  remove: adminProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.db, actorOf(ctx), input)),
});
