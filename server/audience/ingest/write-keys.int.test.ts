import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { basicAuth } from "../../../tests/factories/ingest";
import { UserFacingError } from "../../errors";
import { authenticateWriteKey } from "./authenticate-write-key";
import { WRITE_KEY_TOUCH_INTERVAL_MS } from "./limits";
import { createWriteKey, hashWriteKey, listWriteKeys, revokeWriteKey } from "./write-keys";

const db = testDb();
let actor: { userId: string; email: string; workspaceId: string };

beforeEach(async () => {
  const workspaceId = (await makeWorkspace(db)).id;
  const admin = await makeMember(db, workspaceId, "admin");
  actor = { userId: admin.user.id, email: admin.user.email, workspaceId };
});

afterAll(() => db.$disconnect());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof UserFacingError ? error.code : String(error)),
  );

describe("write keys", () => {
  it("shows a new key once and stores only its hash and a short prefix", async () => {
    const created = await createWriteKey(db, actor, { name: "Shop" });
    expect(created.key).toMatch(/^tlr_[\w-]{43}$/);
    const row = await db.writeKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ keyHash: hashWriteKey(created.key), keyPrefix: created.key.slice(0, 12) });
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = await listWriteKeys(db, actor.workspaceId);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "Shop", keyPrefix: created.keyPrefix, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("authenticates a key sent as Basic auth until it is revoked, and records both in the audit log", async () => {
    const { id, key } = await createWriteKey(db, actor, { name: "Shop" });
    expect(await authenticateWriteKey(db, basicAuth(key))).toEqual({ writeKeyId: id, workspaceId: actor.workspaceId });
    await revokeWriteKey(db, actor, { id });
    expect(await authenticateWriteKey(db, basicAuth(key))).toBeNull();
    const actions = await db.auditLogEntry.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => [a.action, a.targetId])).toEqual([
      ["write_key.created", id],
      ["write_key.revoked", id],
    ]);
  });

  it("refuses an unknown key", async () => {
    expect(await authenticateWriteKey(db, basicAuth("tlr_not-a-real-key"))).toBeNull();
  });

  it("updates last_used_at at most once per interval", async () => {
    const { id, key } = await createWriteKey(db, actor, { name: "Shop" });
    const start = new Date("2026-03-01T12:00:00Z");
    await authenticateWriteKey(db, basicAuth(key), start);
    await authenticateWriteKey(db, basicAuth(key), new Date(start.getTime() + 1_000));
    expect((await db.writeKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(start);
    const later = new Date(start.getTime() + WRITE_KEY_TOUCH_INTERVAL_MS + 1_000);
    await authenticateWriteKey(db, basicAuth(key), later);
    expect((await db.writeKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });

  it("does not revoke a key of another workspace, nor one already revoked", async () => {
    const { id } = await createWriteKey(db, actor, { name: "Shop" });
    const outsider = { ...actor, workspaceId: (await makeWorkspace(db)).id };
    expect(await codeOf(revokeWriteKey(db, outsider, { id }))).toBe("NOT_FOUND");
    await revokeWriteKey(db, actor, { id });
    expect(await codeOf(revokeWriteKey(db, actor, { id }))).toBe("NOT_FOUND");
  });
});
