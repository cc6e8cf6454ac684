import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContact } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { recordConsent } from "../consent/record-consent";
import { countContacts, listContacts, type ContactListRow } from "./list-contacts";
import { listContactsInput, type ListContactsInput } from "./schemas";

const db = testDb();
let workspaceId: string;
let otherWorkspaceId: string;

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  otherWorkspaceId = (await makeWorkspace(db)).id;
  // 23 contacts: some share a last-seen time (ties broken by id), some were never seen, some have no email.
  for (let i = 0; i < 23; i++) {
    await makeContact(db, workspaceId, {
      email: i % 7 === 6 ? null : `person${String(i).padStart(2, "0")}@shop.test`,
      externalId: `ext-${i}`,
      firstName: i === 3 ? "Zoë" : `First${i}`,
      lastName: i === 4 ? "100%_Real" : `Last${i}`,
      country: i % 2 === 0 ? "DE" : "US",
      lastSeenAt: i % 5 === 4 ? null : day(i % 6),
      createdAt: day(i),
    });
  }
  await makeContact(db, otherWorkspaceId, { email: "person01-elsewhere@shop.test", lastSeenAt: day(1) });
});

afterAll(() => db.$disconnect());

async function walk(input: Partial<ListContactsInput>): Promise<ContactListRow[]> {
  const rows: ContactListRow[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listContacts(db, workspaceId, listContactsInput.parse({ ...input, limit: 4, cursor }));
    expect(page.rows.length).toBeLessThanOrEqual(4);
    rows.push(...page.rows);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error("pagination did not end");
}

describe("listContacts", () => {
  it("walks every contact once, last seen first, never-seen last, across pages", async () => {
    const rows = await walk({});
    expect(rows).toHaveLength(23);
    expect(new Set(rows.map((r) => r.id)).size).toBe(23);
    const seen = rows.filter((r) => r.lastSeenAt);
    const expected = [...seen].sort(
      (a, b) => b.lastSeenAt!.getTime() - a.lastSeenAt!.getTime() || Number(BigInt(b.id) - BigInt(a.id)),
    );
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.slice(seen.length).every((r) => r.lastSeenAt === null)).toBe(true);
  });

  it("sorts by email ascending with contacts without email at the end", async () => {
    const rows = await walk({ sort: "email" });
    expect(rows).toHaveLength(23);
    const emails = rows.map((r) => r.email);
    const withEmail = emails.filter((e): e is string => e !== null);
    expect(withEmail).toEqual([...withEmail].sort());
    expect(emails.slice(withEmail.length).every((e) => e === null)).toBe(true);
  });

  it("sorts by creation, newest first", async () => {
    const rows = await walk({ sort: "created" });
    expect(rows.map((r) => r.createdAt.getTime())).toEqual(
      rows.map((r) => r.createdAt.getTime()).sort((a, b) => b - a),
    );
    expect(rows).toHaveLength(23);
  });

  it("searches email and names, case-insensitively, only in its workspace", async () => {
    const rows = await walk({ search: "PERSON01" });
    expect(rows.map((r) => r.email)).toEqual(["person01@shop.test"]);
    expect((await walk({ search: "zoë" })).map((r) => r.firstName)).toEqual(["Zoë"]);
  });

  it("treats % and _ in a search as plain characters", async () => {
    expect((await walk({ search: "100%_" })).map((r) => r.lastName)).toEqual(["100%_Real"]);
    expect(await walk({ search: "%" })).toHaveLength(1);
  });

  it("filters by country, email presence, consent and suppression", async () => {
    expect((await walk({ country: "de" })).every((r) => r.country === "DE")).toBe(true);
    expect(await walk({ hasEmail: "no" })).toHaveLength(3);
    const [first, second] = await walk({ sort: "email", limit: 2 });
    await recordConsent(db, { workspaceId, contactId: first!.id, purpose: "email_marketing", state: "granted", source: "form" });
    await recordConsent(db, { workspaceId, contactId: second!.id, purpose: "email_marketing", state: "withdrawn", source: "admin" });
    await db.suppression.create({ data: { workspaceId, email: second!.email!, reason: "hard_bounce" } });

    expect((await walk({ emailConsent: "granted" })).map((r) => r.id)).toEqual([first!.id]);
    const withdrawn = await walk({ emailConsent: "withdrawn" });
    expect(withdrawn.map((r) => [r.id, r.emailConsent, r.suppressed])).toEqual([[second!.id, "withdrawn", true]]);
    expect(await walk({ emailConsent: "none" })).toHaveLength(21);
    expect((await walk({ suppressed: "yes" })).map((r) => r.id)).toEqual([second!.id]);
    expect(await walk({ suppressed: "no" })).toHaveLength(22);
  });

  it("ignores a cursor made for another sort and starts over", async () => {
    const page = await listContacts(db, workspaceId, listContactsInput.parse({ limit: 4 }));
    const restarted = await listContacts(db, workspaceId, listContactsInput.parse({ sort: "email", limit: 4, cursor: page.nextCursor }));
    expect(restarted.rows[0]!.email).toBe("person00@shop.test");
  });
});

describe("countContacts", () => {
  it("counts matching contacts of the workspace", async () => {
    expect(await countContacts(db, workspaceId, {})).toEqual({ count: 23, capped: false });
    expect(await countContacts(db, workspaceId, { search: "person1" })).toEqual({ count: 9, capped: false });
  });
});
