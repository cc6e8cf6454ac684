import { describe, expect, it } from "vitest";
import { ContactBatchKeys, type ContactIdentity } from "./write-contacts";

const row = (email: string | null, externalId: string | null): ContactIdentity => ({ email, externalId });

describe("ContactBatchKeys", () => {
  it("finds a second row for a contact by its email or its external id", () => {
    const keys = new ContactBatchKeys();
    keys.add(row("ada@example.com", null));
    keys.add(row(null, "crm-7"));
    expect(keys.conflicts(row("ada@example.com", "crm-1"))).toBe(true);
    expect(keys.conflicts(row("grace@example.com", "crm-7"))).toBe(true);
    expect(keys.conflicts(row("grace@example.com", "crm-1"))).toBe(false);
  });

  it("does not take one row's email for another row's external id", () => {
    const keys = new ContactBatchKeys();
    keys.add(row("same-text", null));
    keys.add(row(null, "other-text"));
    expect(keys.conflicts(row(null, "same-text"))).toBe(false);
    expect(keys.conflicts(row("other-text", null))).toBe(false);
  });

  it("ignores missing identities", () => {
    const keys = new ContactBatchKeys();
    keys.add(row(null, null));
    expect(keys.conflicts(row(null, null))).toBe(false);
  });
});
