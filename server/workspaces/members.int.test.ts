import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../tests/factories";
import { UserFacingError } from "../errors";
import { changeMemberRole, listMembers, removeMember } from "./members";

const db = testDb();
let workspaceId: string;
let admin: Awaited<ReturnType<typeof makeMember>>;
let actor: { userId: string; email: string; workspaceId: string };

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  admin = await makeMember(db, workspaceId, "admin");
  actor = { userId: admin.user.id, email: admin.user.email, workspaceId };
});

afterAll(() => db.$disconnect());

describe("members", () => {
  it("changes a role and records who changed it, from what to what", async () => {
    const marketer = await makeMember(db, workspaceId, "marketer");
    await changeMemberRole(db, actor, { membershipId: marketer.membership.id, role: "manager" });
    expect((await listMembers(db, workspaceId)).find((m) => m.userId === marketer.user.id)?.role).toBe("manager");
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { workspaceId, action: "member.role_changed" } });
    expect(entry).toMatchObject({ actorId: admin.user.id, targetId: marketer.user.id, data: { from: "marketer", to: "manager" } });
  });

  it("never leaves a workspace without an admin", async () => {
    for (const attempt of [
      changeMemberRole(db, actor, { membershipId: admin.membership.id, role: "marketer" }),
      removeMember(db, actor, { membershipId: admin.membership.id }),
    ]) {
      const error = await attempt.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).message).toMatch(/at least one admin/);
    }
    const second = await makeMember(db, workspaceId, "admin");
    await changeMemberRole(db, actor, { membershipId: admin.membership.id, role: "marketer" });
    expect((await listMembers(db, workspaceId)).filter((m) => m.role === "admin").map((m) => m.userId)).toEqual([second.user.id]);
  });

  it("removes a member and records it", async () => {
    const manager = await makeMember(db, workspaceId, "manager");
    await removeMember(db, actor, { membershipId: manager.membership.id });
    expect((await listMembers(db, workspaceId)).map((m) => m.userId)).toEqual([admin.user.id]);
    expect(await db.auditLogEntry.count({ where: { workspaceId, action: "member.removed", targetId: manager.user.id } })).toBe(1);
  });

  it("does not find a membership of another workspace", async () => {
    const elsewhere = await makeMember(db, (await makeWorkspace(db)).id, "marketer");
    const error = await changeMemberRole(db, actor, { membershipId: elsewhere.membership.id, role: "admin" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as UserFacingError).code).toBe("NOT_FOUND");
  });
});
