import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContact } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { consentHistory } from "./consent-history";
import { recordConsent } from "./record-consent";

const db = testDb();
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});
afterAll(() => db.$disconnect());

describe("recordConsent", () => {
  it("appends every change to the history and keeps the latest as the current state", async () => {
    const contact = await makeContact(db, workspaceId);
    await recordConsent(db, {
      workspaceId,
      contactId: contact.id,
      purpose: "email_marketing",
      state: "granted",
      source: "form",
      wording: "Newsletter form v3",
      ipAddress: "203.0.113.9",
      userAgent: "Firefox",
      occurredAt: new Date("2026-01-01T10:00:00Z"),
    });
    const { current } = await recordConsent(db, {
      workspaceId,
      contactId: contact.id,
      purpose: "email_marketing",
      state: "withdrawn",
      source: "admin",
      reason: "Asked by phone",
      occurredAt: new Date("2026-02-01T10:00:00Z"),
    });
    expect(current).toMatchObject({ state: "withdrawn", source: "admin" });
    const history = await consentHistory(db, workspaceId, contact.id);
    expect(history.records.map((r) => [r.state, r.source, r.wording, r.reason, r.ipAddress])).toEqual([
      ["withdrawn", "admin", null, "Asked by phone", null],
      ["granted", "form", "Newsletter form v3", null, "203.0.113.9"],
    ]);
  });

  it("records an older consent in the history without overriding a newer state", async () => {
    const contact = await makeContact(db, workspaceId);
    await recordConsent(db, { workspaceId, contactId: contact.id, purpose: "email_marketing", state: "withdrawn", source: "preference_page", occurredAt: new Date("2026-03-01T00:00:00Z") });
    const { current } = await recordConsent(db, { workspaceId, contactId: contact.id, purpose: "email_marketing", state: "granted", source: "import", occurredAt: new Date("2025-06-01T00:00:00Z") });
    expect(current.state).toBe("withdrawn");
    expect((await consentHistory(db, workspaceId, contact.id)).records).toHaveLength(2);
  });

  it("keeps purposes apart", async () => {
    const contact = await makeContact(db, workspaceId);
    await recordConsent(db, { workspaceId, contactId: contact.id, purpose: "tracking", state: "denied", source: "form" });
    await recordConsent(db, { workspaceId, contactId: contact.id, purpose: "email_marketing", state: "granted", source: "form" });
    const states = await db.contactConsent.findMany({ where: { contactId: contact.id }, orderBy: { purpose: "asc" } });
    expect(states.map((s) => [s.purpose, s.state])).toEqual([
      ["email_marketing", "granted"],
      ["tracking", "denied"],
    ]);
  });

  it("refuses a contact of another workspace", async () => {
    const elsewhere = await makeContact(db, (await makeWorkspace(db)).id);
    await expect(
      recordConsent(db, { workspaceId, contactId: elsewhere.id, purpose: "tracking", state: "granted", source: "api" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.consentRecord.count({ where: { contactId: elsewhere.id } })).toBe(0);
  });
});
