import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../tests/factories";
import { UserFacingError } from "../errors";
import {
  acceptInvitationAsUser,
  acceptInvitationWithNewAccount,
  inviteMember,
  listPendingInvitations,
  lookupInvitation,
  revokeInvitation,
} from "./invitations";

const db = testDb();
const tokenOf = (link: string) => decodeURIComponent(link.split("/invite/")[1]!);

let workspaceId: string;
let actor: { userId: string; email: string; workspaceId: string };

beforeEach(async () => {
  const workspace = await makeWorkspace(db);
  const admin = await makeMember(db, workspace.id, "admin");
  workspaceId = workspace.id;
  actor = { userId: admin.user.id, email: admin.user.email, workspaceId };
});

afterAll(() => db.$disconnect());

async function expectUserError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).code).toBe(code);
  expect((error as UserFacingError).message).toMatch(message);
}

describe("invitations", () => {
  it("stores only a hash of the token and gives a link that looks the invitation up", async () => {
    const { invitation, link } = await inviteMember(db, actor, { email: "New.Person@Example.test", role: "marketer" }, "http://tailor.test");
    const token = tokenOf(link);
    expect(link.startsWith("http://tailor.test/invite/")).toBe(true);
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.email).toBe("new.person@example.test");
    expect(await lookupInvitation(db, token)).toMatchObject({ status: "valid", role: "marketer", accountExists: false });
    expect(await lookupInvitation(db, `${token}x`)).toEqual({ status: "unknown" });
  });

  it("creates an account that signs in with the chosen password and joins with the invited role", async () => {
    const { link } = await inviteMember(db, actor, { email: "joiner@example.test", role: "manager" }, "http://tailor.test");
    await acceptInvitationWithNewAccount(db, { token: tokenOf(link), name: "Jo Iner", password: "correct horse battery" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "joiner@example.test" }, include: { accounts: true, memberships: true } });
    expect(user.memberships).toMatchObject([{ workspaceId, role: "manager" }]);
    const hash = user.accounts[0]!.password!;
    expect(await verifyPassword({ hash, password: "correct horse battery" })).toBe(true);
    expect(await verifyPassword({ hash, password: "wrong" })).toBe(false);
    expect(await lookupInvitation(db, tokenOf(link))).toMatchObject({ status: "used" });
    expect(await db.auditLogEntry.count({ where: { workspaceId, action: "member.joined", actorId: user.id } })).toBe(1);
  });

  it("refuses a used, revoked or expired link with a specific message", async () => {
    const used = await inviteMember(db, actor, { email: "a@example.test", role: "marketer" }, "http://t");
    await acceptInvitationWithNewAccount(db, { token: tokenOf(used.link), name: "A", password: "0123456789" });
    await expectUserError(
      acceptInvitationWithNewAccount(db, { token: tokenOf(used.link), name: "A", password: "0123456789" }),
      "BAD_REQUEST",
      /already used/,
    );

    const revoked = await inviteMember(db, actor, { email: "b@example.test", role: "marketer" }, "http://t");
    await revokeInvitation(db, actor, { invitationId: revoked.invitation.id });
    expect(await lookupInvitation(db, tokenOf(revoked.link))).toMatchObject({ status: "revoked" });

    const expired = await inviteMember(db, actor, { email: "c@example.test", role: "marketer" }, "http://t");
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectUserError(
      acceptInvitationWithNewAccount(db, { token: tokenOf(expired.link), name: "C", password: "0123456789" }),
      "BAD_REQUEST",
      /expired/,
    );
  });

  it("replaces an earlier link when the same address is invited again", async () => {
    const first = await inviteMember(db, actor, { email: "twice@example.test", role: "marketer" }, "http://t");
    const second = await inviteMember(db, actor, { email: "twice@example.test", role: "admin" }, "http://t");
    expect(await lookupInvitation(db, tokenOf(first.link))).toMatchObject({ status: "revoked" });
    expect(await lookupInvitation(db, tokenOf(second.link))).toMatchObject({ status: "valid", role: "admin" });
    expect((await listPendingInvitations(db, workspaceId)).map((i) => i.email)).toEqual(["twice@example.test"]);
  });

  it("refuses to invite someone who is already a member", async () => {
    const member = await makeMember(db, workspaceId, "marketer");
    await expectUserError(inviteMember(db, actor, { email: member.user.email, role: "admin" }, "http://t"), "CONFLICT", /already a member/);
  });

  it("lets an existing user accept only an invitation sent to their own address", async () => {
    const other = await makeWorkspace(db);
    const existing = await makeMember(db, other.id, "admin");
    const { link } = await inviteMember(db, actor, { email: existing.user.email, role: "marketer" }, "http://t");
    expect(await lookupInvitation(db, tokenOf(link))).toMatchObject({ status: "valid", accountExists: true });
    await expectUserError(
      acceptInvitationWithNewAccount(db, { token: tokenOf(link), name: "X", password: "0123456789" }),
      "CONFLICT",
      /already exists/,
    );
    await expectUserError(
      acceptInvitationAsUser(db, { token: tokenOf(link), userId: actor.userId, email: actor.email }),
      "FORBIDDEN",
      /is for/,
    );
    await acceptInvitationAsUser(db, { token: tokenOf(link), userId: existing.user.id, email: existing.user.email });
    expect(await db.membership.count({ where: { userId: existing.user.id } })).toBe(2);
  });
});
