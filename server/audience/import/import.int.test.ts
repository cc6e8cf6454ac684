import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { type ImportActorFixture, importCsv, readFixture, uploadCsv } from "../../../tests/factories/imports";
import { UserFacingError } from "../../errors";
import { errorsCsvLines } from "./errors-csv";
import { startImport } from "./start-import";
import { getImport, listImports } from "./view";

const db = testDb();
let actor: ImportActorFixture;

beforeEach(async () => {
  const workspace = await makeWorkspace(db);
  const member = await makeMember(db, workspace.id, "marketer");
  actor = { workspaceId: workspace.id, userId: member.user.id, email: member.user.email };
});

afterAll(async () => {
  await db.$disconnect();
});

const contactsOf = (workspaceId: string) =>
  db.contact.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });

async function errorsOf(importId: string) {
  return db.importError.findMany({ where: { importId }, orderBy: { line: "asc" }, select: { line: true, field: true, reason: true } });
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

describe("contacts import", () => {
  it("stores every valid row of a file with a BOM and quoted line breaks, and reports each invalid row by line", async () => {
    const { id, outcome } = await importCsv(db, actor, "contacts", "contacts-mixed.csv", await readFixture("contacts-mixed.csv"));

    expect(outcome).toEqual({ rowsProcessed: 7, rowsImported: 3, rowsFailed: 4, resumedFrom: 0 });
    const contacts = await contactsOf(actor.workspaceId);
    expect(contacts.map((c) => [c.email, c.firstName, c.lastName])).toEqual([
      ["ada@example.com", "Ada", "Lovelace"],
      ["grace@example.com", "Grace", "Hopper\nthe second"],
      ["margaret@example.com", "Margaret", "Hamilton"],
    ]);
    expect(contacts[0]).toMatchObject({ phone: "+44 20 7946 0000", timeZone: "Europe/London", attributes: { plan: "pro" } });
    expect(contacts[2]!.attributes).toEqual({ plan: "enterprise, annual" });
    expect(await errorsOf(id)).toEqual([
      { line: 3, field: "email", reason: '"not-an-email" is not a valid email address' },
      { line: 6, field: "time_zone", reason: '"Mars/Olympus" is not a known time zone (use a name like Europe/Berlin)' },
      { line: 7, field: "consent_email_marketing", reason: expect.stringContaining('"maybe" is not a consent value') },
      { line: 8, field: null, reason: "Expected 7 columns, found 3" },
    ]);
    const view = await getImport(db, actor.workspaceId, id);
    expect(view).toMatchObject({ status: "succeeded", percent: 100, rowsTotal: 7, rowsImported: 3, rowsFailed: 4 });
  });

  it("records consent from a consent column with source import, the file name and the importing user", async () => {
    await importCsv(db, actor, "contacts", "contacts-mixed.csv", await readFixture("contacts-mixed.csv"));

    const states = await db.contactConsent.findMany({
      where: { workspaceId: actor.workspaceId },
      include: { contact: { select: { email: true } } },
      orderBy: { contactId: "asc" },
    });
    expect(states.map((s) => [s.contact.email, s.purpose, s.state, s.source])).toEqual([
      ["ada@example.com", "email_marketing", "granted", "import"],
      ["grace@example.com", "email_marketing", "withdrawn", "import"],
      ["margaret@example.com", "email_marketing", "granted", "import"],
    ]);
    const records = await db.consentRecord.findMany({ where: { workspaceId: actor.workspaceId } });
    expect(records).toHaveLength(3);
    for (const record of records) {
      expect(record).toMatchObject({ source: "import", wording: "CSV import contacts-mixed.csv", recordedById: actor.userId, purpose: "email_marketing" });
    }
  });

  it("changes nothing when the same file is imported again", async () => {
    const file = await readFixture("contacts-mixed.csv");
    await importCsv(db, actor, "contacts", "contacts-mixed.csv", file);
    const snapshot = async () => ({
      contacts: await contactsOf(actor.workspaceId),
      consent: await db.contactConsent.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { contactId: "asc" } }),
      records: await db.consentRecord.count({ where: { workspaceId: actor.workspaceId } }),
    });
    const before = await snapshot();

    const again = await importCsv(db, actor, "contacts", "contacts-mixed.csv", file);

    expect(again.outcome).toMatchObject({ rowsImported: 3, rowsFailed: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it("reads semicolon-separated CRLF files with quoted separators and line breaks", async () => {
    const { id, outcome } = await importCsv(db, actor, "contacts", "kunden.csv", await readFixture("contacts-semicolon.csv"));

    expect(outcome).toMatchObject({ rowsProcessed: 3, rowsImported: 3, rowsFailed: 0 });
    const view = await getImport(db, actor.workspaceId, id);
    expect(view.delimiter).toBe("semicolon");
    expect(view.mapping).toEqual(["email", "first_name", "last_name", "city", "external_id"]);
    const contacts = await contactsOf(actor.workspaceId);
    expect(contacts.map((c) => [c.email, c.lastName, c.city, c.externalId])).toEqual([
      ["anna@example.de", "Schmidt", "Berlin", "K-1"],
      ["bernd@example.de", "Müller; Sohn", "München", "K-2"],
      ["clara@example.de", "Weber", "Hamburg\r\nAltona", "K-3"],
    ]);
  });

  describe("with a contact that already exists", () => {
    const file = Buffer.from("email,first_name,last_name,city,tier\nada@example.com,Ada,Lovelace,,gold\nnew@example.com,New,Person,Oslo,\n");

    async function existingAda() {
      return db.contact.create({
        data: { workspaceId: actor.workspaceId, email: "ada@example.com", firstName: "Augusta", city: "London", attributes: { tier: "silver", since: 2019 } },
      });
    }

    it("update: overwrites with the file's non-empty values", async () => {
      const ada = await existingAda();
      await importCsv(db, actor, "contacts", "people.csv", file, { existing: "update" });
      expect(await db.contact.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({
        firstName: "Ada",
        lastName: "Lovelace",
        city: "London",
        attributes: { tier: "gold", since: 2019 },
      });
      expect(await db.contact.count({ where: { workspaceId: actor.workspaceId } })).toBe(2);
    });

    it("fill empty only: keeps existing values and fills the empty ones", async () => {
      const ada = await existingAda();
      await importCsv(db, actor, "contacts", "people.csv", file, { existing: "fill_empty" });
      expect(await db.contact.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({
        firstName: "Augusta",
        lastName: "Lovelace",
        city: "London",
        attributes: { tier: "silver", since: 2019 },
      });
      expect(await db.contact.count({ where: { workspaceId: actor.workspaceId } })).toBe(2);
    });

    it("skip existing: leaves the contact untouched and still adds new ones", async () => {
      const ada = await existingAda();
      await importCsv(db, actor, "contacts", "people.csv", file, { existing: "skip" });
      expect(await db.contact.findUniqueOrThrow({ where: { id: ada.id } })).toEqual(ada);
      expect(await db.contact.findFirst({ where: { workspaceId: actor.workspaceId, email: "new@example.com" } })).toMatchObject({ city: "Oslo" });
    });
  });

  it("applies rows for the same contact in file order, even within one batch", async () => {
    const file = Buffer.from("email,first_name,city\nada@example.com,Ada,\nada@example.com,,Paris\nADA@example.com,Augusta,\n");
    await importCsv(db, actor, "contacts", "dupes.csv", file);
    const contacts = await contactsOf(actor.workspaceId);
    expect(contacts.map((c) => [c.email, c.firstName, c.city])).toEqual([["ada@example.com", "Augusta", "Paris"]]);
  });

  it("writes batches two at a time yet in file order: a contact's rows across batches, and a re-import that changes contacts", async () => {
    const lines = ["email,external_id,first_name,newsletter"];
    for (let i = 1; i <= 600; i++) {
      // A few rows repeat the contact of the row before: the batch is cut there, and the next one waits for it.
      const person = i % 97 === 0 ? i - 1 : i;
      lines.push(`p${person}@example.com,x${person},Name ${i},${person % 2 === 0 ? "yes" : "no"}`);
    }
    const first = Buffer.from(`${lines.join("\n")}\n`);
    const { outcome } = await importCsv(db, actor, "contacts", "two-writers.csv", first, { batchRows: 50 });
    expect(outcome).toMatchObject({ rowsProcessed: 600, rowsImported: 600, rowsFailed: 0 });
    const stored = await contactsOf(actor.workspaceId);
    const distinct = 600 - Math.floor(600 / 97);
    expect(stored).toHaveLength(distinct);
    // The later row of each pair wins, as if the file were written row by row.
    expect(stored.find((c) => c.email === "p96@example.com")?.firstName).toBe("Name 97");
    const ids = await db.contact.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, email: true }, orderBy: { id: "asc" } });
    // Contacts are created in file order.
    expect(ids.slice(0, 3).map((c) => c.email)).toEqual(["p1@example.com", "p2@example.com", "p3@example.com"]);

    // Re-imported with swapped external ids in every batch: updates that a batch written alongside must see.
    const swapped = lines.map((line, index) => (index === 0 ? line : line.replace(/,x(\d+),/, ",y$1,")));
    const second = await importCsv(db, actor, "contacts", "two-writers-again.csv", Buffer.from(`${swapped.join("\n")}\n`), { batchRows: 50 });
    expect(second.outcome).toMatchObject({ rowsProcessed: 600, rowsImported: 600, rowsFailed: 0 });
    const after = await contactsOf(actor.workspaceId);
    expect(after).toHaveLength(distinct);
    expect(after.every((c) => c.externalId?.startsWith("y"))).toBe(true);
    const records = await db.consentRecord.count({ where: { workspaceId: actor.workspaceId } });
    const again = await importCsv(db, actor, "contacts", "two-writers-again.csv", Buffer.from(`${swapped.join("\n")}\n`), { batchRows: 50 });
    expect(again.outcome).toMatchObject({ rowsImported: 600, rowsFailed: 0 });
    // Values only: a contact with two rows in the file is changed twice, so its updated_at moves.
    const values = (contacts: { email: string | null; externalId: string | null; firstName: string | null }[]) =>
      contacts.map((c) => [c.email, c.externalId, c.firstName]);
    expect(values(await contactsOf(actor.workspaceId))).toEqual(values(after));
    expect(await db.consentRecord.count({ where: { workspaceId: actor.workspaceId } })).toBe(records);
  });

  it("imports a file of several chunks and many batches with exact line numbers", async () => {
    const rows = 30_000;
    const lines = ["email,first_name,score"];
    for (let i = 1; i <= rows; i++) lines.push(i === 25_000 ? "broken,Broken,1" : `person${i}@example.com,Person ${i},${i % 100}`);
    const file = Buffer.from(`${lines.join("\n")}\n`);
    expect(file.length).toBeGreaterThan(1024 * 1024);

    const { id, outcome } = await importCsv(db, actor, "contacts", "big.csv", file, { batchRows: 1000 });

    expect(outcome).toMatchObject({ rowsProcessed: rows, rowsImported: rows - 1, rowsFailed: 1 });
    expect(await db.contact.count({ where: { workspaceId: actor.workspaceId } })).toBe(rows - 1);
    expect(await errorsOf(id)).toEqual([{ line: 25_001, field: "email", reason: '"broken" is not a valid email address' }]);
    expect(await db.importChunk.count({ where: { importId: id } })).toBe(2);
  });
});

describe("events import", () => {
  it("stores purchases with revenue and properties, creates missing contacts, and reports bad dates, numbers and emails", async () => {
    const ada = await db.contact.create({ data: { workspaceId: actor.workspaceId, email: "ada@example.com" } });
    const { id, outcome } = await importCsv(db, actor, "events", "orders.csv", await readFixture("events-purchases.csv"));

    expect(outcome).toEqual({ rowsProcessed: 7, rowsImported: 4, rowsFailed: 3, resumedFrom: 0 });
    expect(await errorsOf(id)).toEqual([
      { line: 5, field: "occurred_at", reason: expect.stringContaining('"2024-02-30" is not a date') },
      { line: 6, field: "revenue", reason: '"ten" is not a number' },
      { line: 7, field: "email", reason: '"broken-email" is not a valid email address' },
    ]);
    const events = await db.event.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { id: "asc" }, include: { contact: true } });
    expect(events.map((e) => [e.contact.email, e.name, e.occurredAt.toISOString(), e.revenue, e.properties, e.source, e.type])).toEqual([
      ["ada@example.com", "Order Completed", "2024-03-01T10:15:00.000Z", 49.9, { sku: "SKU-1" }, "import", "track"],
      ["ada@example.com", "Order Completed", "2024-03-05T00:00:00.000Z", 19.5, { sku: "SKU-2" }, "import", "track"],
      ["new.buyer@example.com", "Order Completed", "2024-03-10T00:00:00.000Z", 100, { sku: "SKU-3" }, "import", "track"],
      ["ada@example.com", "Product Viewed", "2024-03-08T09:00:00.000Z", null, { sku: "SKU-7" }, "import", "track"],
    ]);
    expect(await db.contact.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({
      firstSeenAt: new Date("2024-03-01T10:15:00Z"),
      lastSeenAt: new Date("2024-03-08T09:00:00Z"),
    });
  });

  it("adds no event twice when the same file is imported again", async () => {
    const file = await readFixture("events-purchases.csv");
    await importCsv(db, actor, "events", "orders.csv", file);
    const before = await db.event.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { id: "asc" } });
    const contactsBefore = await contactsOf(actor.workspaceId);

    await importCsv(db, actor, "events", "orders-again.csv", file);

    expect(await db.event.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await contactsOf(actor.workspaceId)).toEqual(contactsBefore);
  });

  it("names every event from a fixed name when no column holds it, matching contacts by external id", async () => {
    const file = Buffer.from("customer_id,date,value\nC-1,2024-01-02,5\nC-1,2024-01-03,7.25\nC-2,2024-01-04,0\n");
    await importCsv(db, actor, "events", "sales.csv", file, { eventName: "Order Completed" });
    const events = await db.event.findMany({ where: { workspaceId: actor.workspaceId }, include: { contact: true }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.contact.externalId, e.name, e.revenue])).toEqual([
      ["C-1", "Order Completed", 5],
      ["C-1", "Order Completed", 7.25],
      ["C-2", "Order Completed", 0],
    ]);
    expect(await db.contact.count({ where: { workspaceId: actor.workspaceId } })).toBe(2);
  });
});

describe("starting an import", () => {
  it("refuses a mapping without an email or external id column, naming the problem", async () => {
    const { id } = await uploadCsv(db, actor, "contacts", "a.csv", Buffer.from("name,city\nAda,London\n"));
    await expect(startImport(db, actor, { id, mapping: ["first_name", "city"] })).rejects.toThrow(
      "Map a column to Email or External id, so that each row finds its contact.",
    );
  });

  it("refuses the same target for two columns", async () => {
    const { id } = await uploadCsv(db, actor, "contacts", "a.csv", Buffer.from("mail,email\na@example.com,b@example.com\n"));
    await expect(startImport(db, actor, { id, mapping: ["email", "email"] })).rejects.toThrow(/both map to Email/);
  });

  it("starts an import once only, and never one of another workspace", async () => {
    const { id } = await uploadCsv(db, actor, "contacts", "a.csv", Buffer.from("email\na@example.com\n"));
    const other = await makeWorkspace(db);
    const outsider = await makeMember(db, other.id, "admin");
    await expect(
      startImport(db, { workspaceId: other.id, userId: outsider.user.id, email: outsider.user.email }, { id, mapping: ["email"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const started = await startImport(db, actor, { id, mapping: ["email"] });
    await db.$executeRaw`select graphile_worker.remove_job(${started.jobRunId}::text)`;
    await expect(startImport(db, actor, { id, mapping: ["email"] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getImport(db, actor.workspaceId, id)).status).toBe("queued");
    expect(await db.auditLogEntry.count({ where: { workspaceId: actor.workspaceId, action: "import.started", targetId: id } })).toBe(1);
  });
});

describe("uploads", () => {
  it("previews the header and first rows with a suggested mapping", async () => {
    const { id } = await uploadCsv(db, actor, "contacts", "contacts-mixed.csv", await readFixture("contacts-mixed.csv"));
    const view = await getImport(db, actor.workspaceId, id);
    expect(view).toMatchObject({
      status: "pending",
      delimiter: "comma",
      header: ["Email", "First name", "Last name", "Phone", "Time zone", "Plan", "Newsletter"],
      mapping: ["email", "first_name", "last_name", "phone", "time_zone", "attribute:plan", "consent_email_marketing"],
      // Estimated from line breaks until the import has run: the empty line and the quoted break count.
      rowsTotal: 9,
    });
    expect(view.previewRows[0]).toEqual(["ada@example.com", "Ada", "Lovelace", "+44 20 7946 0000", "Europe/London", "pro", "yes"]);
    expect(view.previewRows).toHaveLength(7);
    expect((await listImports(db, actor.workspaceId)).map((i) => i.id)).toEqual([id]);
  });

  it("refuses a file over the size limit and keeps nothing of it", async () => {
    const upload = uploadCsv(db, actor, "contacts", "huge.csv", Buffer.alloc(300 * 1024, 0x61));
    const limited = (await import("./upload")).storeUpload(db, actor, {
      kind: "contacts",
      fileName: "huge.csv",
      body: (async function* () {
        yield Buffer.alloc(200 * 1024, 0x61);
      })(),
      maxBytes: 100 * 1024,
    });
    await expect(limited).rejects.toThrow(/larger than/);
    await upload.catch(() => undefined);
    expect(await db.import.count({ where: { workspaceId: actor.workspaceId, fileName: "huge.csv", fileSize: { lt: 300 * 1024 } } })).toBe(0);
  });

  it("refuses an empty file and a file that is not UTF-8", async () => {
    await expect(uploadCsv(db, actor, "contacts", "empty.csv", Buffer.alloc(0))).rejects.toThrow("The file is empty.");
    await expect(uploadCsv(db, actor, "contacts", "latin1.csv", Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x0a]))).rejects.toBeInstanceOf(
      UserFacingError,
    );
    expect(await db.import.count({ where: { workspaceId: actor.workspaceId } })).toBe(0);
  });
});

it("writes the error file with line, field, reason and the raw row", async () => {
  const { id } = await importCsv(db, actor, "contacts", "contacts-mixed.csv", await readFixture("contacts-mixed.csv"));
  const text = await collect(errorsCsvLines(db, id));
  expect(text.split("\r\n")).toEqual([
    "line,field,reason,raw",
    `3,email,"""not-an-email"" is not a valid email address","not-an-email,Bad,Row,,,,"`,
    `6,time_zone,"""Mars/Olympus"" is not a known time zone (use a name like Europe/Berlin)","alan@example.com,Alan,Turing,,Mars/Olympus,,"`,
    `7,consent_email_marketing,"""maybe"" is not a consent value (use yes/no, true/false, 1/0, granted/withdrawn)","linus@example.com,Linus,,,,,maybe"`,
    `8,,"Expected 7 columns, found 3","katherine@example.com,Katherine,Johnson"`,
    "",
  ]);
});
