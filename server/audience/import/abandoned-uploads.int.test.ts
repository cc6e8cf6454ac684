import { afterAll, beforeEach, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { type ImportActorFixture, importCsv, readFixture, uploadCsv } from "../../../tests/factories/imports";
import { deleteExpiredRows } from "../../worker/tasks/maintenance-cleanup";

const db = testDb();
const HOUR_MS = 60 * 60 * 1000;
let actor: ImportActorFixture;

beforeEach(async () => {
  const workspace = await makeWorkspace(db);
  const member = await makeMember(db, workspace.id, "marketer");
  actor = { workspaceId: workspace.id, userId: member.user.id, email: member.user.email };
});

afterAll(() => db.$disconnect());

const uploadedAgo = async (hours: number) => {
  const { id } = await uploadCsv(db, actor, "contacts", "abandoned.csv", await readFixture("contacts-mixed.csv"));
  await db.import.update({ where: { id }, data: { createdAt: new Date(Date.now() - hours * HOUR_MS) } });
  return id;
};

it("deletes, in the hourly cleanup, an upload never started for more than a day, with its chunks", async () => {
  const abandoned = await uploadedAgo(25);
  expect(await db.importChunk.count({ where: { importId: abandoned } })).toBeGreaterThan(0);

  const deleted = await deleteExpiredRows(db, new Date());

  expect(deleted.abandonedUploads).toBeGreaterThanOrEqual(1);
  expect(await db.import.findUnique({ where: { id: abandoned } })).toBeNull();
  expect(await db.importChunk.count({ where: { importId: abandoned } })).toBe(0);
});

it("keeps an upload from today and every import that was started, however old", async () => {
  const recent = await uploadedAgo(23);
  const { id: started } = await importCsv(db, actor, "contacts", "started.csv", await readFixture("contacts-mixed.csv"));
  await db.import.update({ where: { id: started }, data: { createdAt: new Date(Date.now() - 90 * 24 * HOUR_MS) } });

  await deleteExpiredRows(db, new Date());

  expect(await db.import.findUnique({ where: { id: recent } })).not.toBeNull();
  expect(await db.import.findUnique({ where: { id: started } })).not.toBeNull();
});
