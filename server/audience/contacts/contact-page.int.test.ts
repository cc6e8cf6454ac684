import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContact, makeEvent } from "../../../tests/factories/audience-contacts";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { createCaller } from "../../trpc/root";

const db = testDb();
let workspaceId: string;
let caller: ReturnType<typeof createCaller>;
let marketerName: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const marketer = await makeMember(db, workspaceId, "marketer", "Mia Tester");
  marketerName = marketer.user.name;
  caller = createCaller(await contextFor(db, marketer.user.id, workspaceId));
});
afterAll(() => db.$disconnect());

describe("a contact's timeline", () => {
  it("pages through events newest first, ties on time broken by id, without gaps or repeats", async () => {
    const contact = await makeContact(db, workspaceId);
    const other = await makeContact(db, workspaceId);
    const base = Date.UTC(2026, 4, 1);
    for (let i = 0; i < 12; i++) {
      // Pairs of events share a timestamp.
      await makeEvent(db, contact, { name: `Event ${i}`, occurredAt: new Date(base + Math.floor(i / 2) * 60_000) });
    }
    await makeEvent(db, other, { name: "Someone else's", occurredAt: new Date(base + 3_600_000) });

    const seen: { name: string; occurredAt: Date }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.contacts.timeline>> = await caller.contacts.timeline({ contactId: contact.id.toString(), limit: 5, cursor });
      seen.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.name)).toEqual(Array.from({ length: 12 }, (_, i) => `Event ${11 - i}`));
  });
});

describe("a contact's details", () => {
  it("show profile, consent per purpose, suppressions and the resulting email permission", async () => {
    const contact = await makeContact(db, workspaceId, { firstName: "Ana", attributes: { plan: "pro" } });
    await caller.contacts.recordConsent({ contactId: contact.id.toString(), purpose: "email_marketing", state: "granted", reason: "Signed the form at the fair" });
    let details = await caller.contacts.get({ contactId: contact.id.toString() });
    expect(details.emailPermission).toEqual({ allowed: true, reason: "granted" });
    expect(details.consents).toEqual([
      expect.objectContaining({ purpose: "email_marketing", state: "granted", source: "admin" }),
      expect.objectContaining({ purpose: "tracking", state: null }),
    ]);

    await db.suppression.create({ data: { workspaceId, email: contact.email!, reason: "hard_bounce", source: "smtp" } });
    details = await caller.contacts.get({ contactId: contact.id.toString() });
    expect(details.emailPermission).toEqual({ allowed: false, reason: "suppressed", suppression: "hard_bounce" });
    expect(details.suppressions.map((s) => s.reason)).toEqual(["hard_bounce"]);
  });

  it("record consent changes from the UI with reason, who, IP and user agent", async () => {
    const contact = await makeContact(db, workspaceId);
    await caller.contacts.recordConsent({
      contactId: contact.id.toString(),
      purpose: "email_marketing",
      state: "withdrawn",
      reason: "Customer asked by email",
      wording: null,
    });
    const { records } = await caller.contacts.consentHistory({ contactId: contact.id.toString() });
    expect(records).toEqual([
      expect.objectContaining({ state: "withdrawn", source: "admin", reason: "Customer asked by email", recordedBy: marketerName, ipAddress: "127.0.0.1", userAgent: "vitest" }),
    ]);
    const audit = await db.auditLogEntry.findFirst({ where: { workspaceId, action: "contact.consent_recorded", targetId: contact.id.toString() } });
    expect(audit?.data).toMatchObject({ purpose: "email_marketing", state: "withdrawn" });
  });

  it("answers NOT_FOUND for a contact of another workspace", async () => {
    const elsewhere = await makeContact(db, (await makeWorkspace(db)).id);
    await expect(caller.contacts.get({ contactId: elsewhere.id.toString() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.contacts.timeline({ contactId: elsewhere.id.toString() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing a contact", () => {
  it("changes profile fields and patches custom attributes, keeping the others", async () => {
    const contact = await makeContact(db, workspaceId, { firstName: "Old", city: "Lyon", attributes: { plan: "free", tier: "gold", nested: { a: 1 } } });
    await caller.contacts.updateAttributes({
      contactId: contact.id.toString(),
      profile: { firstName: "  New ", city: "" },
      setAttributes: { plan: "pro", seats: 3, vip: true },
      removeAttributes: ["tier"],
    });
    const after = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after.firstName).toBe("New");
    expect(after.city).toBeNull();
    expect(after.attributes).toEqual({ plan: "pro", seats: 3, vip: true, nested: { a: 1 } });
    const audit = await db.auditLogEntry.findFirst({ where: { workspaceId, action: "contact.updated", targetId: contact.id.toString() } });
    expect(audit?.data).toEqual({ fields: ["firstName", "city"], attributesSet: ["plan", "seats", "vip"], attributesRemoved: ["tier"] });
  });

  it("rejects attribute names that cannot be keys", async () => {
    const contact = await makeContact(db, workspaceId);
    await expect(
      caller.contacts.updateAttributes({ contactId: contact.id.toString(), setAttributes: { "": "x" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("manual suppressions", () => {
  it("can be added once and lifted, while a bounce cannot be lifted", async () => {
    const contact = await makeContact(db, workspaceId);
    const ref = { contactId: contact.id.toString() };
    const { id } = await caller.contacts.addSuppression({ ...ref, note: "Asked not to be emailed at the store" });
    await expect(caller.contacts.addSuppression({ ...ref, note: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await caller.contacts.get(ref)).emailPermission).toMatchObject({ reason: "suppressed", suppression: "manual" });
    await caller.contacts.removeSuppression({ ...ref, suppressionId: id, note: "Recorded by mistake" });
    expect((await caller.contacts.get(ref)).suppressions).toEqual([]);

    const bounce = await db.suppression.create({ data: { workspaceId, email: contact.email!, contactId: contact.id, reason: "hard_bounce" } });
    await expect(
      caller.contacts.removeSuppression({ ...ref, suppressionId: bounce.id.toString(), note: "try" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
