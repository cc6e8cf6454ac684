import { describe, expect, it } from "vitest";
import { planIdentities, type IdentityKeys } from "./identity-plan";

const track = (keys: Partial<IdentityKeys>): IdentityKeys => ({ type: "track", userId: null, anonymousId: null, email: null, ...keys });
const identify = (keys: Partial<IdentityKeys>): IdentityKeys => ({ ...track(keys), type: "identify" });

describe("planIdentities", () => {
  it("finds existing contacts by external id, then by email", () => {
    const plan = planIdentities(
      [track({ userId: "u1" }), track({ email: "b@x.io" })],
      [
        { id: 1n, externalId: "u1", email: null },
        { id: 2n, externalId: null, email: "b@x.io" },
      ],
      [],
    );
    expect(plan.contactOf.map((ref) => ref.existingId)).toEqual([1n, 2n]);
    expect(plan.newContacts).toEqual([]);
  });

  it("creates one contact per new person, however many of their events the batch holds", () => {
    const plan = planIdentities([track({ userId: "u1" }), track({ userId: "u1", email: "u1@x.io" }), track({ userId: "u2" })], [], []);
    expect(plan.newContacts.map((ref) => [ref.externalId, ref.email])).toEqual([
      ["u1", "u1@x.io"],
      ["u2", null],
    ]);
    expect(plan.contactOf[0]).toBe(plan.contactOf[1]);
  });

  it("gives an anonymous visitor one contact and an alias", () => {
    const plan = planIdentities([track({ anonymousId: "a1" }), track({ anonymousId: "a1" })], [], []);
    expect(plan.newContacts).toHaveLength(1);
    expect(plan.aliasesToAdd).toEqual([{ anonymousId: "a1", contact: plan.newContacts[0] }]);
    expect(plan.contactOf[0]).toBe(plan.contactOf[1]);
  });

  it("identifies a stored anonymous contact in place when its userId is new", () => {
    const plan = planIdentities([identify({ userId: "u9", anonymousId: "a1", email: "n@x.io" })], [{ id: 5n, externalId: null, email: null }], [{ anonymousId: "a1", contactId: 5n }]);
    expect(plan.newContacts).toEqual([]);
    expect(plan.merges).toEqual([]);
    expect(plan.changedContacts.map((ref) => [ref.existingId, ref.externalId, ref.email])).toEqual([[5n, "u9", "n@x.io"]]);
  });

  it("merges a stored anonymous contact into the known contact that identifies with its anonymousId", () => {
    const plan = planIdentities(
      [identify({ userId: "u1", anonymousId: "a1" })],
      [
        { id: 1n, externalId: "u1", email: null },
        { id: 5n, externalId: null, email: null },
      ],
      [{ anonymousId: "a1", contactId: 5n }],
    );
    expect(plan.merges.map((merge) => [merge.fromId, merge.into.existingId])).toEqual([[5n, 1n]]);
    expect(plan.contactOf[0]!.existingId).toBe(1n);
  });

  it("folds the batch's own anonymous events into the contact identified later in the same batch", () => {
    const plan = planIdentities([track({ anonymousId: "a1" }), identify({ userId: "u1", anonymousId: "a1" }), track({ anonymousId: "a1" })], [{ id: 1n, externalId: "u1", email: null }], []);
    expect(plan.newContacts).toEqual([]);
    expect(plan.merges).toEqual([]);
    expect(plan.contactOf.map((ref) => ref.existingId)).toEqual([1n, 1n, 1n]);
    expect(plan.aliasesToAdd.map((alias) => [alias.anonymousId, alias.contact.existingId])).toEqual([["a1", 1n]]);
  });

  it("moves a shared device's alias to the newly identified person without merging two known people", () => {
    const plan = planIdentities(
      [track({ userId: "u2", anonymousId: "a1" })],
      [
        { id: 1n, externalId: "u1", email: null },
        { id: 2n, externalId: "u2", email: null },
      ],
      [{ anonymousId: "a1", contactId: 1n }],
    );
    expect(plan.merges).toEqual([]);
    expect(plan.aliasesToMove.map((alias) => [alias.anonymousId, alias.contact.existingId])).toEqual([["a1", 2n]]);
  });

  it("lets a userId adopt a contact known only by email, but never take another user's email", () => {
    const adopted = planIdentities([track({ userId: "u1", email: "a@x.io" })], [{ id: 3n, externalId: null, email: "a@x.io" }], []);
    expect(adopted.contactOf[0]!.existingId).toBe(3n);
    expect(adopted.changedContacts[0]!.externalId).toBe("u1");

    const taken = planIdentities([track({ userId: "u2", email: "a@x.io" })], [{ id: 3n, externalId: "u1", email: "a@x.io" }], []);
    expect(taken.newContacts.map((ref) => [ref.externalId, ref.email])).toEqual([["u2", null]]);
  });

  it("changes a contact's email on identify only when nobody else holds the new one", () => {
    const contacts = [
      { id: 1n, externalId: "u1", email: "old@x.io" },
      { id: 2n, externalId: "u2", email: "held@x.io" },
    ];
    const changed = planIdentities([identify({ userId: "u1", email: "new@x.io" })], contacts, []);
    expect(changed.changedContacts.map((ref) => ref.email)).toEqual(["new@x.io"]);
    const kept = planIdentities([identify({ userId: "u1", email: "held@x.io" }), track({ userId: "u1", email: "other@x.io" })], contacts, []);
    expect(kept.changedContacts).toEqual([]);
  });
});
