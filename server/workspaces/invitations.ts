import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../auth/roles";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { UserFacingError } from "../errors";
import type { Actor } from "./members";
import { createPasswordUser } from "./users";

export const INVITATION_TTL_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationLink(appUrl: string, token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, appUrl).toString();
}

/** Creates an invitation and returns its link; the token exists only in that link. */
export async function inviteMember(db: Db, actor: Actor, input: { email: string; role: Role }, appUrl: string) {
  const email = input.email.toLowerCase();
  const existing = await db.membership.findFirst({ where: { workspaceId: actor.workspaceId, user: { email } } });
  if (existing) throw new UserFacingError("CONFLICT", `${email} is already a member of this workspace.`, "email");
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    // Inviting again replaces the earlier link, so only the newest one works.
    await tx.invitation.updateMany({
      where: { workspaceId: actor.workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
      },
    });
  });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "member.invited",
    targetType: "invitation",
    targetId: invitation.id,
    data: { email, role: input.role },
  });
  return { invitation, link: invitationLink(appUrl, token) };
}

export async function listPendingInvitations(db: Db, workspaceId: string) {
  const rows = await db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy.name,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    expired: row.expiresAt.getTime() < now,
  }));
}

export async function revokeInvitation(db: Db, actor: Actor, input: { invitationId: string }) {
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
  });
  if (!invitation) throw new UserFacingError("NOT_FOUND", "That invitation does not exist or was already used.");
  await db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "member.invitation_revoked",
    targetType: "invitation",
    targetId: invitation.id,
    data: { email: invitation.email },
  });
}

export type InvitationLookup =
  | { status: "unknown" }
  | { status: "expired" | "used" | "revoked"; workspaceName: string }
  | { status: "valid"; workspaceName: string; email: string; role: Role; accountExists: boolean };

export async function lookupInvitation(db: Db, token: string): Promise<InvitationLookup> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: { select: { name: true } } },
  });
  if (!invitation) return { status: "unknown" };
  const workspaceName = invitation.workspace.name;
  if (invitation.acceptedAt) return { status: "used", workspaceName };
  if (invitation.revokedAt) return { status: "revoked", workspaceName };
  if (invitation.expiresAt.getTime() < Date.now()) return { status: "expired", workspaceName };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    status: "valid",
    workspaceName,
    email: invitation.email,
    role: invitation.role,
    accountExists: account !== null,
  };
}

const UNUSABLE: Record<Exclude<InvitationLookup["status"], "valid">, string> = {
  unknown: "This invitation link is not valid. Ask your admin for a new one.",
  expired: "This invitation has expired. Ask your admin to invite you again.",
  used: "This invitation was already used. Sign in instead.",
  revoked: "This invitation was withdrawn. Ask your admin for a new one.",
};

export function describeUnusableInvitation(status: Exclude<InvitationLookup["status"], "valid">): string {
  return UNUSABLE[status];
}

async function claimInvitation(db: Db, token: string) {
  const lookup = await lookupInvitation(db, token);
  if (lookup.status !== "valid") throw new UserFacingError("BAD_REQUEST", describeUnusableInvitation(lookup.status));
  const invitation = await db.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } });
  return { lookup, invitation };
}

async function joinWorkspace(db: Db, invitation: { id: string; workspaceId: string; role: Role; email: string }, userId: string) {
  await db.$transaction([
    db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
      update: {},
    }),
    db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } }),
  ]);
  await recordAudit(db, {
    workspaceId: invitation.workspaceId,
    actorId: userId,
    actorEmail: invitation.email,
    action: "member.joined",
    targetType: "invitation",
    targetId: invitation.id,
    data: { role: invitation.role },
  });
}

/** A new person accepts: their account is created with the invited email. */
export async function acceptInvitationWithNewAccount(
  db: Db,
  input: { token: string; name: string; password: string },
) {
  const { lookup, invitation } = await claimInvitation(db, input.token);
  if (lookup.status === "valid" && lookup.accountExists) {
    throw new UserFacingError("CONFLICT", "An account with this email already exists. Sign in to accept the invitation.");
  }
  const user = await createPasswordUser(db, { email: invitation.email, name: input.name, password: input.password });
  await joinWorkspace(db, invitation, user.id);
  return { email: invitation.email, workspaceId: invitation.workspaceId };
}

/** A signed-in user accepts an invitation sent to their own address. */
export async function acceptInvitationAsUser(db: Db, input: { token: string; userId: string; email: string }) {
  const { invitation } = await claimInvitation(db, input.token);
  if (invitation.email !== input.email.toLowerCase()) {
    throw new UserFacingError("FORBIDDEN", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  await joinWorkspace(db, invitation, input.userId);
  return { workspaceId: invitation.workspaceId };
}
