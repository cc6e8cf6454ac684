import type { Role } from "../auth/roles";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { UserFacingError } from "../errors";

export type Actor = { userId: string; email: string; workspaceId: string };

export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return rows.map((row) => ({
    membershipId: row.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt,
  }));
}

async function findMembership(db: Db, workspaceId: string, membershipId: string) {
  // Scoped by workspace: an id from another workspace is simply not found.
  const membership = await db.membership.findFirst({
    where: { id: membershipId, workspaceId },
    include: { user: { select: { email: true } } },
  });
  if (!membership) throw new UserFacingError("NOT_FOUND", "That member does not exist in this workspace.");
  return membership;
}

async function assertAnotherAdminRemains(db: Db, workspaceId: string, membershipId: string) {
  const otherAdmins = await db.membership.count({
    where: { workspaceId, role: "admin", id: { not: membershipId } },
  });
  if (otherAdmins === 0) {
    throw new UserFacingError("CONFLICT", "A workspace needs at least one admin. Make someone else an admin first.");
  }
}

export async function changeMemberRole(db: Db, actor: Actor, input: { membershipId: string; role: Role }) {
  const membership = await findMembership(db, actor.workspaceId, input.membershipId);
  if (membership.role === input.role) return membership;
  if (membership.role === "admin") await assertAnotherAdminRemains(db, actor.workspaceId, membership.id);
  const updated = await db.membership.update({ where: { id: membership.id }, data: { role: input.role } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "member.role_changed",
    targetType: "user",
    targetId: membership.userId,
    data: { email: membership.user.email, from: membership.role, to: input.role },
  });
  return updated;
}

export async function removeMember(db: Db, actor: Actor, input: { membershipId: string }) {
  const membership = await findMembership(db, actor.workspaceId, input.membershipId);
  if (membership.role === "admin") await assertAnotherAdminRemains(db, actor.workspaceId, membership.id);
  await db.membership.delete({ where: { id: membership.id } });
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: "member.removed",
    targetType: "user",
    targetId: membership.userId,
    data: { email: membership.user.email, role: membership.role },
  });
}
