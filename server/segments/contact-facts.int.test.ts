import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../tests/factories";
import { rebuildContactFacts } from "./contact-facts";

const db = testDb();

let workspaceId: string;

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});

type Facts = { contact_id: string; country_lower: string | null; email_marketing: string | null; tracking: string | null; suppressions: number };

/** The stored facts of the workspace's contacts, by email. */
async function storedFacts(): Promise<Record<string, Omit<Facts, "contact_id">>> {
  const rows = await db.$queryRaw<(Facts & { email: string })[]>`
    select c.email, f.country_lower, f.email_marketing::text, f.tracking::text, f.suppressions
    from contact_facts f join contact c on c.id = f.contact_id where f.workspace_id = ${workspaceId}::uuid order by c.email`;
  return Object.fromEntries(rows.map(({ email, ...facts }) => [email, facts]));
}

/** Every contact has exactly the facts its rows give (contact_facts_of, which the triggers also use). */
async function expectFactsMatchRows() {
  const [row] = await db.$queryRaw<{ missing: bigint; wrong: bigint; orphaned: bigint }[]>`
    select
      (select count(*) from contact c where c.workspace_id = ${workspaceId}::uuid and not exists (select 1 from contact_facts f where f.contact_id = c.id)) as missing,
      (select count(*) from (
        select f.contact_id, f.workspace_id, f.country_lower, f.email_marketing, f.tracking, f.suppressions from contact_facts f where f.workspace_id = ${workspaceId}::uuid
        except
        select * from contact_facts_of((select array_agg(id) from contact where workspace_id = ${workspaceId}::uuid))
      ) x) as wrong,
      (select count(*) from contact_facts f where f.workspace_id = ${workspaceId}::uuid and not exists (select 1 from contact c where c.id = f.contact_id)) as orphaned`;
  expect({ missing: Number(row!.missing), wrong: Number(row!.wrong), orphaned: Number(row!.orphaned) }).toEqual({ missing: 0, wrong: 0, orphaned: 0 });
}

type Statement = [text: string, values: unknown[]];

/** Runs `held` in a transaction of one session, starts `waiting` in another, and commits the first 200 ms later. */
async function whileUncommitted(held: Statement, waiting: Statement) {
  const [holder, waiter] = [new pg.Client({ connectionString: process.env.DATABASE_URL }), new pg.Client({ connectionString: process.env.DATABASE_URL })];
  await Promise.all([holder.connect(), waiter.connect()]);
  try {
    await holder.query("begin");
    await holder.query(...held);
    const second = waiter.query(...waiting);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await holder.query("commit");
    await second;
  } finally {
    await Promise.all([holder.end(), waiter.end()]);
  }
}

const contact = async (email: string, country: string | null = null) => (await db.contact.create({ data: { workspaceId, email, country } })).id;
const suppress = (email: string, reason: "hard_bounce" | "complaint" | "unsubscribe" | "manual", contactId: bigint | null = null) =>
  db.suppression.create({ data: { workspaceId, email, reason, contactId } });

describe("contact_facts", () => {
  it("follows contacts, consents and suppressions through inserts, updates and deletes", async () => {
    await suppress("old@example.com", "hard_bounce");
    const ana = await contact("ana@example.com", "US");
    const ben = await contact("old@example.com", "de");
    await expectFactsMatchRows();
    expect(await storedFacts()).toEqual({
      "ana@example.com": { country_lower: "us", email_marketing: null, tracking: null, suppressions: 0 },
      // Suppressed by address before the contact existed.
      "old@example.com": { country_lower: "de", email_marketing: null, tracking: null, suppressions: 1 },
    });

    await db.contactConsent.createMany({
      data: [
        { contactId: ana, workspaceId, purpose: "email_marketing", state: "granted", source: "form" },
        { contactId: ana, workspaceId, purpose: "tracking", state: "denied", source: "form" },
        { contactId: ben, workspaceId, purpose: "email_marketing", state: "granted", source: "import" },
      ],
    });
    await db.contactConsent.update({ where: { contactId_purpose: { contactId: ben, purpose: "email_marketing" } }, data: { state: "withdrawn" } });
    await db.contactConsent.delete({ where: { contactId_purpose: { contactId: ana, purpose: "tracking" } } });
    await db.contact.update({ where: { id: ana }, data: { country: "GB" } });
    // Ben moves to a clean address (his address's suppression no longer applies), and is then
    // suppressed by id for another reason.
    await db.contact.update({ where: { id: ben }, data: { email: "ben@example.com" } });
    await expectFactsMatchRows();
    expect((await storedFacts())["ben@example.com"]).toEqual({ country_lower: "de", email_marketing: "withdrawn", tracking: null, suppressions: 0 });
    await suppress("ben@example.com", "unsubscribe", ben);
    await suppress("ana@example.com", "complaint");
    await expectFactsMatchRows();
    // A contact who takes a suppressed address is suppressed at once, and keeps its own reasons.
    const cal = await contact("cal@example.com", "FR");
    await suppress("cal@example.com", "manual", cal);
    await db.contact.update({ where: { id: cal }, data: { email: "old@example.com" } });
    await expectFactsMatchRows();
    expect((await storedFacts())["old@example.com"]).toEqual({ country_lower: "fr", email_marketing: null, tracking: null, suppressions: 9 });
    await db.contact.delete({ where: { id: cal } });
    expect(await storedFacts()).toEqual({
      "ana@example.com": { country_lower: "gb", email_marketing: "granted", tracking: null, suppressions: 2 },
      "ben@example.com": { country_lower: "de", email_marketing: "withdrawn", tracking: null, suppressions: 4 },
    });

    await db.suppression.deleteMany({ where: { workspaceId, email: "ana@example.com" } });
    // A merge: Ben's consent and suppression move to Ana, and Ben goes.
    await db.contactConsent.update({ where: { contactId_purpose: { contactId: ben, purpose: "email_marketing" } }, data: { contactId: ana, purpose: "tracking" } });
    await db.suppression.updateMany({ where: { contactId: ben }, data: { contactId: ana } });
    await db.contact.delete({ where: { id: ben } });
    await expectFactsMatchRows();
    expect(await storedFacts()).toEqual({
      "ana@example.com": { country_lower: "gb", email_marketing: "granted", tracking: "withdrawn", suppressions: 4 },
    });
  });

  it("sees a suppression added while a contact with that address is being written, in either order", async () => {
    // The contact first: the suppression waits for it to commit, then finds it.
    await whileUncommitted(
      ["insert into contact (workspace_id, email, updated_at) values ($1, 'first@example.com', now())", [workspaceId]],
      ["insert into suppression (workspace_id, email, reason) values ($1, 'first@example.com', 'complaint')", [workspaceId]],
    );
    // The suppression first: the contact's facts wait for it to commit, then include it.
    await whileUncommitted(
      ["insert into suppression (workspace_id, email, reason) values ($1, 'second@example.com', 'manual')", [workspaceId]],
      ["insert into contact (workspace_id, email, updated_at) values ($1, 'second@example.com', now())", [workspaceId]],
    );
    await expectFactsMatchRows();
    expect(await storedFacts()).toEqual({
      "first@example.com": { country_lower: null, email_marketing: null, tracking: null, suppressions: 2 },
      "second@example.com": { country_lower: null, email_marketing: null, tracking: null, suppressions: 8 },
    });
  });

  it("keeps both of two concurrent consent changes of one contact", async () => {
    const ana = await contact("ana@example.com");
    const consent = "insert into contact_consent (contact_id, workspace_id, purpose, state, source) values ($1, $2, $3, $4, 'form')";
    // The second waits on the facts row, then sets its purpose on the row as the first left it.
    await whileUncommitted([consent, [ana, workspaceId, "email_marketing", "granted"]], [consent, [ana, workspaceId, "tracking", "denied"]]);
    await expectFactsMatchRows();
    expect((await storedFacts())["ana@example.com"]).toMatchObject({ email_marketing: "granted", tracking: "denied" });
  });

  it("is rebuilt for a workspace loaded with triggers off, as the triggers would have kept it", async () => {
    const ana = await contact("ana@example.com", "FR");
    await contact("bo@example.com");
    await db.contactConsent.create({ data: { contactId: ana, workspaceId, purpose: "email_marketing", state: "granted", source: "form" } });
    await suppress("bo@example.com", "hard_bounce");
    await suppress("ana@example.com", "manual", ana);
    const kept = await storedFacts();
    await db.$executeRaw`update contact_facts set country_lower = 'xx', email_marketing = null, suppressions = 0 where workspace_id = ${workspaceId}::uuid`;
    await rebuildContactFacts({ query: (text, values) => db.$executeRawUnsafe(text, ...(values ?? [])) }, workspaceId);
    expect(await storedFacts()).toEqual(kept);
    await expectFactsMatchRows();
  });
});
