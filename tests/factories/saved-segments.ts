import type { Db } from "../../server/db/client";
import type { Condition, SegmentDefinition } from "../../server/segments/definition";

export const allOf = (...children: Condition[]): SegmentDefinition => ({ version: 1, root: { kind: "group", op: "and", children } });

export const countryIs = (country: string): Condition => ({ kind: "attribute", field: "country", valueType: "string", op: "equals", value: country });

export const inSegment = (segmentId: string, member = true): Condition => ({ kind: "segment", segmentId, member });

/** A saved segment stored as it is after create (version 1), without queuing a refresh. */
export async function makeSavedSegment(
  db: Db,
  workspaceId: string,
  fields: { name: string; definition: SegmentDefinition; description?: string; createdById?: string | null },
) {
  return db.segment.create({
    data: {
      workspaceId,
      name: fields.name,
      description: fields.description ?? "",
      definition: fields.definition,
      createdById: fields.createdById ?? null,
      versions: { create: { version: 1, definition: fields.definition, authorId: fields.createdById ?? null } },
    },
  });
}

/** Contacts of a workspace with the given emails and countries; returns their ids by email. */
export async function makeContacts(db: Db, workspaceId: string, contacts: { email: string; country: string; firstName?: string }[]) {
  const created = new Map<string, bigint>();
  for (const contact of contacts) {
    const row = await db.contact.create({ data: { workspaceId, email: contact.email, country: contact.country, firstName: contact.firstName ?? null } });
    created.set(contact.email, row.id);
  }
  return created;
}
