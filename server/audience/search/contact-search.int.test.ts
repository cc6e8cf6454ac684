import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContact } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { listContacts } from "../contacts/list-contacts";
import { listContactsInput } from "../contacts/schemas";
import { createCronTaskList } from "../../worker/schedule";
import { CONTACT_SEARCH_INDEX_TASK } from "./request-indexing";
import { indexQueuedContacts } from "./index-queued-contacts";
import { WALK_FROM_MATCHES } from "./search-text";

const db = testDb();
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});

afterAll(() => db.$disconnect());

async function search(text: string): Promise<string[]> {
  const page = await listContacts(db, workspaceId, listContactsInput.parse({ search: text, sort: "email" }));
  return page.rows.map((row) => row.email ?? "");
}

const queued = async (contactId: bigint) => (await db.contactSearchQueue.count({ where: { contactId } })) > 0;
const indexedText = async (contactId: bigint) => (await db.contactSearch.findUnique({ where: { contactId } }))?.text ?? null;

describe("contact search maintained out of line", () => {
  it("queues a new contact and finds it by email or name both before and after the indexer runs", async () => {
    const contact = await makeContact(db, workspaceId, { email: "orla.quinn@shop.test", firstName: "Orla", lastName: "Quinn" });
    expect(await queued(contact.id)).toBe(true);
    expect(await search("QUINN")).toEqual(["orla.quinn@shop.test"]);

    await indexQueuedContacts(db);
    expect(await queued(contact.id)).toBe(false);
    expect(await indexedText(contact.id)).toBe("orla.quinn@shop.test orla quinn");
    expect(await search("orla.qu")).toEqual(["orla.quinn@shop.test"]);
  });

  it("stops matching a renamed contact by its old name at once, before it is indexed again", async () => {
    const contact = await makeContact(db, workspaceId, { email: "pim@shop.test", firstName: "Pim", lastName: "Oldname" });
    await indexQueuedContacts(db);
    await db.contact.update({ where: { id: contact.id }, data: { lastName: "Newname" } });

    expect(await queued(contact.id)).toBe(true);
    expect(await search("oldname")).toEqual([]);
    expect(await search("newname")).toEqual(["pim@shop.test"]);
    await indexQueuedContacts(db);
    expect(await indexedText(contact.id)).toBe("pim@shop.test pim newname");
    expect(await search("oldname")).toEqual([]);
  });

  it("does not queue a contact again when a change leaves its email and names as they were", async () => {
    const contact = await makeContact(db, workspaceId, { email: "still@shop.test", firstName: "Still" });
    await indexQueuedContacts(db);
    await db.contact.update({ where: { id: contact.id }, data: { city: "Cork", lastSeenAt: new Date() } });
    expect(await queued(contact.id)).toBe(false);
  });

  it("keeps a contact queued when it was queued again after the indexer read the queue", async () => {
    const contact = await makeContact(db, workspaceId, { email: "race@shop.test", firstName: "Before" });
    // The indexer read version 0; a rename meanwhile bumps the entry to version 1.
    await db.$executeRaw`update contact_search_queue set version = version + 1 where contact_id = ${contact.id}`;
    await db.$executeRaw`
      delete from contact_search_queue q using unnest(${[contact.id.toString()]}::bigint[], ${[0]}::int[]) as read(contact_id, version)
      where q.contact_id = read.contact_id and q.version = read.version`;
    expect(await queued(contact.id)).toBe(true);
    await indexQueuedContacts(db);
    expect(await queued(contact.id)).toBe(false);
  });

  it("drops the queue entry of a contact deleted before it was indexed", async () => {
    const contact = await makeContact(db, workspaceId, { email: "gone@shop.test" });
    await db.contact.delete({ where: { id: contact.id } });
    await indexQueuedContacts(db);
    expect(await queued(contact.id)).toBe(false);
    expect(await indexedText(contact.id)).toBeNull();
  });

  it("indexes a large queue in batches", async () => {
    const other = (await makeWorkspace(db)).id;
    await db.$executeRaw`
      insert into contact (workspace_id, email, first_name)
      select ${other}::uuid, 'bulk' || g || '@shop.test', 'Bulk' from generate_series(1, 250) g`;
    const batches: number[] = [];
    await indexQueuedContacts(db, { batchContacts: 100, onBatch: (indexed) => batches.push(indexed) });
    expect(batches.slice(0, 2)).toEqual([100, 200]);
    expect(await db.contactSearch.count({ where: { workspaceId: other } })).toBe(250);
    expect(await db.contactSearchQueue.count({ where: { workspaceId: other } })).toBe(0);
  });

  it("pages through a search matching many contacts by walking the sort index, exactly like sorting the matches", async () => {
    const many = (await makeWorkspace(db)).id;
    await db.$executeRaw`
      insert into contact (workspace_id, email, first_name, last_seen_at)
      select ${many}::uuid, 'walker' || g || '@shop.test', case when g % 10 = 0 then 'Other' else 'Walker' end,
             case when g % 7 = 0 then null else timestamptz '2026-01-01' + (g % 500) * interval '1 hour' end
      from generate_series(1, ${WALK_FROM_MATCHES + 600}) g`;
    await indexQueuedContacts(db);
    // One contact renamed after indexing: still queued, it must be found by its new name only.
    const renamed = await makeContact(db, many, { email: "renamed@shop.test", firstName: "Walker", lastSeenAt: new Date("2026-02-01") });
    await indexQueuedContacts(db);
    await db.contact.update({ where: { id: renamed.id }, data: { firstName: "Strider" } });

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 3; pages++) {
      const page = await listContacts(db, many, listContactsInput.parse({ search: "WALKER", limit: 100, cursor }));
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
    }
    const expected = await db.$queryRaw<{ id: bigint }[]>`
      select id from contact
      where workspace_id = ${many}::uuid and lower(coalesce(email, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like '%walker%'
      order by last_seen_at desc nulls last, id desc limit 300`;
    expect(seen).toEqual(expected.map((row) => row.id.toString()));
    expect(seen).not.toContain(renamed.id.toString());
  });

  it("leaves contacts queued at the minutely run while an import writes, not at the run an import asks for", async () => {
    const contact = await makeContact(db, workspaceId, { email: "during-import@example.com" });
    const task = createCronTaskList(db)[CONTACT_SEARCH_INDEX_TASK]!;
    const helpers = { abortSignal: undefined, logger: { info: () => undefined } } as unknown as Parameters<typeof task>[1];
    const cron = { _cron: { ts: new Date().toISOString(), backfilled: false } };
    const importRun = await db.jobRun.create({ data: { workspaceId, task: "import.run", status: "running", startedAt: new Date() } });
    try {
      await task(cron, helpers);
      expect(await queued(contact.id)).toBe(true);
      // An import that saved no progress for minutes is a crashed worker's: the run goes on.
      await db.$executeRaw`update job_run set updated_at = now() - interval '3 minutes' where id = ${importRun.id}::uuid`;
      await task(cron, helpers);
      expect(await queued(contact.id)).toBe(false);

      await db.$executeRaw`update job_run set updated_at = now() where id = ${importRun.id}::uuid`;
      await db.contact.update({ where: { id: contact.id }, data: { firstName: "Requested" } });
      await task({}, helpers);
      expect(await queued(contact.id)).toBe(false);
      expect(await indexedText(contact.id)).toContain("requested");
    } finally {
      await db.jobRun.delete({ where: { id: importRun.id } });
    }
  });
});
