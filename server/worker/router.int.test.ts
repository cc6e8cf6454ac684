import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../auth/roles";
import { createDb, type Db } from "../db/client";
import { createCallerFactory } from "../trpc/init";
import { jobsRouter } from "./router";
import { createTestUser, createTestWorkspace } from "./test-support";

// No worker runs here: these tests cover what the API records and who may see it.

const createCaller = createCallerFactory(jobsRouter);
let db: Db;

beforeAll(() => {
  db = createDb(process.env.DATABASE_URL ?? "");
});

afterAll(async () => {
  await db.$disconnect();
});

async function memberOf(workspace: { id: string; name: string }, role: Role) {
  const user = await createTestUser(db, `Test ${role}`);
  const active = { workspaceId: workspace.id, workspaceName: workspace.name, role };
  const caller = createCaller({
    db,
    viewer: { userId: user.id, email: user.email, name: user.name, workspaces: [active], active },
    ipAddress: null,
    userAgent: null,
  });
  return { user, caller };
}

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe("jobs router", () => {
  it("lets a marketer start a demo job, recording who started it in the run and the audit log", async () => {
    const workspace = await createTestWorkspace(db);
    const { user, caller } = await memberOf(workspace, "marketer");

    const run = await caller.startDemo({ steps: 3, stepMs: 0 });

    expect(run).toMatchObject({
      task: "demo.count",
      title: "Demo: count",
      status: "queued",
      progressDone: 0,
      percent: null,
      createdByName: user.name,
    });
    const audit = await db.auditLogEntry.findMany({ where: { workspaceId: workspace.id } });
    expect(audit).toMatchObject([
      { action: "job.started", actorId: user.id, targetType: "job_run", targetId: run.id, data: { task: "demo.count" } },
    ]);
  });

  it("refuses to let a manager start a job", async () => {
    const workspace = await createTestWorkspace(db);
    const { caller } = await memberOf(workspace, "manager");

    expect(await trpcCode(caller.startDemo({ steps: 3, stepMs: 0 }))).toBe("FORBIDDEN");
    expect(await db.jobRun.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("rejects demo settings outside their bounds", async () => {
    const workspace = await createTestWorkspace(db);
    const { caller } = await memberOf(workspace, "admin");

    expect(await trpcCode(caller.startDemo({ steps: 1001, stepMs: 0 }))).toBe("BAD_REQUEST");
    expect(await trpcCode(caller.startDemo({ steps: 5, stepMs: 5001 }))).toBe("BAD_REQUEST");
  });

  it("lists only the workspace's own runs, newest first, to any member", async () => {
    const workspace = await createTestWorkspace(db);
    const other = await createTestWorkspace(db);
    const { caller: marketer } = await memberOf(workspace, "marketer");
    const { caller: outsider } = await memberOf(other, "admin");
    const { caller: manager } = await memberOf(workspace, "manager");
    const first = await marketer.startDemo({ steps: 2, stepMs: 0 });
    const second = await marketer.startDemo({ steps: 4, stepMs: 0 });
    await outsider.startDemo({ steps: 2, stepMs: 0 });

    const runs = await manager.list();

    expect(runs.map((run) => run.id)).toEqual([second.id, first.id]);
  });

  it("gets a run of the workspace, and answers NOT_FOUND for another workspace's run", async () => {
    const workspace = await createTestWorkspace(db);
    const other = await createTestWorkspace(db);
    const { caller } = await memberOf(workspace, "manager");
    const { caller: outsider } = await memberOf(other, "admin");
    const foreign = await outsider.startDemo({ steps: 2, stepMs: 0 });
    const own = await db.jobRun.create({
      data: { workspaceId: workspace.id, task: "demo.count", status: "running", progressDone: 3, progressTotal: 4 },
    });

    expect(await caller.get({ id: own.id })).toMatchObject({ id: own.id, percent: 75, createdByName: null });
    expect(await trpcCode(caller.get({ id: foreign.id }))).toBe("NOT_FOUND");
  });
});
