import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { uploadCsv } from "../../../tests/factories/imports";
import { spawnWorkerProcess, waitFor, type WorkerProcess } from "../../worker/test-support";
import { startImport } from "./start-import";

const db = testDb();
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(async () => {
  await db.$disconnect();
});

function startWorker(): WorkerProcess {
  const worker = spawnWorkerProcess({ WORKER_CONCURRENCY: "2" });
  children.push(worker.child);
  return worker;
}

const ROWS = 60_000;
const INVALID_EVERY = 997;

function generatedContacts(): { file: Buffer; valid: number; consenting: number } {
  const lines = ["email,first_name,newsletter"];
  let valid = 0;
  let consenting = 0;
  for (let i = 1; i <= ROWS; i++) {
    if (i % INVALID_EVERY === 0) {
      lines.push(`broken-${i},Broken,yes`);
      continue;
    }
    valid++;
    const consent = i % 4 === 0;
    if (consent) consenting++;
    lines.push(`resume${i}@example.com,Person ${i},${consent ? "yes" : ""}`);
  }
  return { file: Buffer.from(`${lines.join("\n")}\n`), valid, consenting };
}

it("resumes an import after its worker is killed, ending with exactly the file's rows, none twice", async () => {
  const workspace = await makeWorkspace(db);
  const member = await makeMember(db, workspace.id, "marketer");
  const actor = { workspaceId: workspace.id, userId: member.user.id, email: member.user.email };
  const { file, valid, consenting } = generatedContacts();
  const { id } = await uploadCsv(db, actor, "contacts", "resume.csv", file);
  const { jobRunId } = await startImport(db, actor, { id, mapping: ["email", "first_name", "consent_email_marketing"] });
  // Small, slow batches leave time to kill the worker part-way (test-only payload options).
  await db.jobRun.update({ where: { id: jobRunId }, data: { payload: { importId: id, batchRows: 2000, pauseAfterBatchMs: 250 } } });

  const first = startWorker();
  await first.started;
  const before = await waitFor(
    "a few committed batches",
    async () => {
      const row = await db.import.findUniqueOrThrow({ where: { id } });
      return row.rowsProcessed >= 8000 ? row : undefined;
    },
    60_000,
  );
  first.child.kill("SIGKILL");
  await new Promise((resolve) => first.child.once("exit", resolve));
  const atKill = await db.import.findUniqueOrThrow({ where: { id } });
  expect(atKill.rowsProcessed).toBeGreaterThanOrEqual(before.rowsProcessed);
  expect(atKill.rowsProcessed).toBeLessThan(ROWS);
  expect(atKill.finishedAt).toBeNull();
  expect((await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } })).status).toBe("running");

  const second = startWorker();
  await second.started;
  const done = await waitFor(
    "the import to finish in the second worker",
    async () => {
      const run = await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } });
      return run.status === "succeeded" || run.status === "failed" ? run : undefined;
    },
    120_000,
    250,
  );
  expect(done.error).toBeNull();
  expect(done.status).toBe("succeeded");
  expect(done.attempts).toBe(2);
  expect(done.result).toMatchObject({ resumedFrom: atKill.rowsProcessed, rowsProcessed: ROWS });
  expect(second.output()).toMatch(/unlocked the jobs of 1 stopped worker/);

  const finished = await db.import.findUniqueOrThrow({ where: { id } });
  expect(finished).toMatchObject({ rowsProcessed: ROWS, rowsImported: valid, rowsFailed: ROWS - valid });
  expect(await db.contact.count({ where: { workspaceId: workspace.id } })).toBe(valid);
  const [distinct] = await db.$queryRaw<{ emails: bigint }[]>`
    select count(distinct email) as emails from contact where workspace_id = ${workspace.id}::uuid`;
  expect(Number(distinct!.emails)).toBe(valid);
  expect(await db.importError.count({ where: { importId: id } })).toBe(ROWS - valid);
  expect(await db.consentRecord.count({ where: { workspaceId: workspace.id } })).toBe(consenting);
});
