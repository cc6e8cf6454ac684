import { readFile } from "node:fs/promises";
import { afterAll, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { importConnection } from "../../../tests/factories/imports";
import { CDNOW_FILE, cdnowTotals, startCdnowImport } from "./cdnow";
import { runImport } from "./run-import";

const db = testDb();

afterAll(async () => {
  await db.$disconnect();
});

/** Customers, rows and revenue counted straight from the file, independently of the import. */
async function countFile() {
  const lines = (await readFile(CDNOW_FILE, "utf8")).split(/\r?\n/).slice(1).filter((line) => line.trim() !== "");
  const customers = new Set<string>();
  let revenue = 0;
  for (const line of lines) {
    const [customer, , , dollars] = line.trim().split(/\s+/);
    customers.add(customer!);
    revenue += Number(dollars);
  }
  return { contacts: customers.size, events: lines.length, revenue };
}

it("imports the real CDNOW purchase log as one contact per customer and one purchase event per row", async () => {
  const workspace = await makeWorkspace(db);
  const admin = await makeMember(db, workspace.id, "admin");
  const actor = { workspaceId: workspace.id, userId: admin.user.id, email: admin.user.email };

  const { id, jobRunId } = await startCdnowImport(db, actor);
  await db.$executeRaw`select graphile_worker.remove_job(${jobRunId}::text)`;
  const client = await importConnection();
  const outcome = await runImport({ db, client, workspaceId: workspace.id, importId: id, jobRunId }).finally(() => client.end());

  const expected = await countFile();
  expect(expected).toMatchObject({ contacts: 23_570, events: 69_659 });
  expect(outcome).toMatchObject({ rowsProcessed: 69_659, rowsImported: 69_659, rowsFailed: 0 });
  const totals = await cdnowTotals(db, workspace.id);
  expect(totals.contacts).toBe(expected.contacts);
  expect(totals.events).toBe(expected.events);
  expect(totals.revenue).toBeCloseTo(expected.revenue, 2);
  expect(await db.contact.count({ where: { workspaceId: workspace.id } })).toBe(23_570);

  const first = await db.event.findFirstOrThrow({ where: { workspaceId: workspace.id, messageId: "cdnow-2" }, include: { contact: true } });
  expect(first).toMatchObject({ name: "Order Completed", revenue: 11.77, properties: { quantity: 1 }, occurredAt: new Date("1997-01-01T00:00:00Z") });
  expect(first.contact.externalId).toBe("00001");
  expect(await db.event.count({ where: { workspaceId: workspace.id, revenue: 0 } })).toBe(80);
});
