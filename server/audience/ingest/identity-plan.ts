/**
 * Identity resolution for a batch of messages, as a pure plan over what the database already
 * knows: which contact each message belongs to, which contacts to create, which anonymous
 * contacts to merge into known ones, which aliases to add or move. The store executes the plan
 * set-wise (a few statements per batch), so 500 messages cost a handful of round trips.
 *
 * Rules, applied message by message in batch order:
 * - userId is the contact's external id; else the (lower-cased) email; else the anonymousId's alias.
 * - A contact found by email or by alias is adopted by a userId when it has no external id yet.
 * - An email is claimed by the contact when it has none and no other contact holds it; an
 *   identify call may also change the contact's email to one that nobody holds.
 * - An anonymousId seen with a known identity links to that contact: a contact that is
 *   anonymous (no external id, no email) is merged into it; an alias held by another known
 *   contact (a shared device) moves to the newly identified one, without merging profiles.
 */

export type KnownContact = { id: bigint; externalId: string | null; email: string | null };
export type KnownAlias = { anonymousId: string; contactId: bigint };

export type IdentityKeys = {
  type: string;
  userId: string | null;
  anonymousId: string | null;
  email: string | null;
};

/** A contact in the plan: an existing row (id set) or one to create (id null until allocated). */
export class ContactRef {
  mergedInto: ContactRef | null = null;
  identityChanged = false;
  constructor(
    readonly existingId: bigint | null,
    public externalId: string | null,
    public email: string | null,
  ) {}

  get isNew(): boolean {
    return this.existingId === null;
  }

  get isAnonymous(): boolean {
    return this.externalId === null && this.email === null;
  }

  /** The contact this one ended up as, after merges. */
  resolve(): ContactRef {
    return this.mergedInto ? this.mergedInto.resolve() : this;
  }
}

export type IdentityPlan = {
  /** The contact of each message, in message order, after all merges. */
  contactOf: ContactRef[];
  /** Contacts to insert, with their final external id and email. */
  newContacts: ContactRef[];
  /** Existing contacts whose external id or email the batch sets. */
  changedContacts: ContactRef[];
  /** Existing anonymous contacts to merge (events, aliases, profile) into another contact. */
  merges: { fromId: bigint; into: ContactRef }[];
  aliasesToAdd: { anonymousId: string; contact: ContactRef }[];
  aliasesToMove: { anonymousId: string; contact: ContactRef }[];
};

export function planIdentities(messages: IdentityKeys[], contacts: KnownContact[], aliases: KnownAlias[]): IdentityPlan {
  const byExternalId = new Map<string, ContactRef>();
  const byEmail = new Map<string, ContactRef>();
  const byAnonymousId = new Map<string, ContactRef>();
  const byId = new Map<bigint, ContactRef>();
  for (const contact of contacts) {
    if (byId.has(contact.id)) continue;
    const ref = new ContactRef(contact.id, contact.externalId, contact.email);
    byId.set(contact.id, ref);
    if (contact.externalId !== null) byExternalId.set(contact.externalId, ref);
    if (contact.email !== null) byEmail.set(contact.email, ref);
  }
  for (const alias of aliases) {
    const ref = byId.get(alias.contactId);
    if (ref) byAnonymousId.set(alias.anonymousId, ref);
  }

  const created: ContactRef[] = [];
  const merges: IdentityPlan["merges"] = [];
  const aliasesToAdd = new Map<string, ContactRef>();
  const aliasesToMove = new Map<string, ContactRef>();
  const assigned: ContactRef[] = [];

  const markChanged = (ref: ContactRef) => {
    if (!ref.isNew) ref.identityChanged = true;
  };

  for (const message of messages) {
    const { userId, email, anonymousId } = message;
    const aliased = anonymousId ? byAnonymousId.get(anonymousId)?.resolve() : undefined;
    let contact = userId ? byExternalId.get(userId)?.resolve() : undefined;
    if (!contact && email) {
      const holder = byEmail.get(email)?.resolve();
      if (holder && (!userId || holder.externalId === null)) contact = holder;
    }
    if (!contact && aliased && (!userId || aliased.externalId === null) && (!email || aliased.email === null || aliased.email === email)) {
      contact = aliased;
    }
    if (!contact) {
      contact = new ContactRef(null, null, null);
      created.push(contact);
    }

    if (userId && contact.externalId === null) {
      contact.externalId = userId;
      byExternalId.set(userId, contact);
      markChanged(contact);
    }
    const emailHolder = email ? byEmail.get(email)?.resolve() : undefined;
    if (email && !emailHolder && (contact.email === null || message.type === "identify")) {
      if (contact.email !== null) byEmail.delete(contact.email);
      contact.email = email;
      byEmail.set(email, contact);
      markChanged(contact);
    }

    if (anonymousId && !contact.isAnonymous) {
      if (!aliased) {
        aliasesToAdd.set(anonymousId, contact);
      } else if (aliased !== contact) {
        if (aliased.isAnonymous) {
          aliased.mergedInto = contact;
          if (aliased.existingId !== null) merges.push({ fromId: aliased.existingId, into: contact });
        } else if (aliasesToAdd.has(anonymousId)) {
          aliasesToAdd.set(anonymousId, contact);
        } else {
          aliasesToMove.set(anonymousId, contact);
        }
      }
      byAnonymousId.set(anonymousId, contact);
    } else if (anonymousId && !aliased) {
      aliasesToAdd.set(anonymousId, contact);
      byAnonymousId.set(anonymousId, contact);
    }
    assigned.push(contact);
  }

  return {
    contactOf: assigned.map((ref) => ref.resolve()),
    newContacts: created.filter((ref) => ref.mergedInto === null),
    changedContacts: [...byId.values()].filter((ref) => ref.identityChanged && ref.mergedInto === null),
    merges,
    aliasesToAdd: [...aliasesToAdd].map(([anonymousId, contact]) => ({ anonymousId, contact: contact.resolve() })),
    aliasesToMove: [...aliasesToMove].map(([anonymousId, contact]) => ({ anonymousId, contact: contact.resolve() })),
  };
}
