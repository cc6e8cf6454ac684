import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { createTestUser, createTestWorkspace } from "../test-support";
import { deleteExpiredRows } from "./maintenance-cleanup";

const DAY_MS = 24 * 60 * 60 * 1000;
let db: Db;

beforeAll(() => {
  db = createDb(process.env.DATABASE_URL ?? "");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("maintenance.cleanup", () => {
  it("deletes expired sessions and verifications, and job runs finished more than 30 days ago", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const user = await createTestUser(db);
    const workspace = await createTestWorkspace(db);

    const session = (expiresAt: Date) =>
      db.session.create({ data: { id: randomUUID(), token: randomUUID(), userId: user.id, expiresAt } });
    const expiredSession = await session(ago(1));
    const liveSession = await session(new Date(now.getTime() + DAY_MS));

    const verification = (expiresAt: Date) =>
      db.verification.create({ data: { id: randomUUID(), identifier: user.email, value: "code", expiresAt } });
    const expiredVerification = await verification(ago(1));
    const liveVerification = await verification(new Date(now.getTime() + DAY_MS));

    const jobRun = (status: "succeeded" | "failed" | "running", finishedAt: Date | null) =>
      db.jobRun.create({ data: { workspaceId: workspace.id, task: "demo.count", status, finishedAt } });
    await jobRun("succeeded", ago(31));
    await jobRun("failed", ago(45));
    const recentSucceeded = await jobRun("succeeded", ago(29));
    const stillRunning = await jobRun("running", null);

    const deleted = await deleteExpiredRows(db, now);

    expect(deleted.sessions).toBeGreaterThanOrEqual(1);
    expect(deleted.verifications).toBeGreaterThanOrEqual(1);
    expect(deleted.jobRuns).toBeGreaterThanOrEqual(2);
    expect(await db.session.findUnique({ where: { id: expiredSession.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: liveSession.id } })).not.toBeNull();
    expect(await db.verification.findUnique({ where: { id: expiredVerification.id } })).toBeNull();
    expect(await db.verification.findUnique({ where: { id: liveVerification.id } })).not.toBeNull();
    const remainingRuns = await db.jobRun.findMany({ where: { workspaceId: workspace.id } });
    expect(remainingRuns.map((run) => run.id).sort()).toEqual([recentSucceeded.id, stillRunning.id].sort());
  });
});
