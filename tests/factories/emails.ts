import type { Db } from "../../server/db/client";
import { starterDocument, type StarterId } from "../../server/email";
import type { TemplateActor } from "../../server/email/templates/actor";
import { createTemplate } from "../../server/email/templates/create-template";
import { makeMember, makeWorkspace } from "./index";

/** A workspace with an editor acting in it, as the email use cases receive them. */
export async function emailWorkspace(db: Db) {
  const workspace = await makeWorkspace(db);
  const editor = await makeMember(db, workspace.id, "marketer", "Mia Marketer");
  const actor: TemplateActor = { userId: editor.user.id, email: editor.user.email, workspaceId: workspace.id, ipAddress: "127.0.0.1", userAgent: "vitest" };
  return { workspace, editor, actor };
}

export async function makeTemplate(db: Db, actor: TemplateActor, starter: StarterId = "newsletter", name = `Email ${starter}`) {
  return createTemplate(db, actor, { name, starter });
}

/** A starter's document as the designer sends it back (plain JSON). */
export function starterJson(starter: StarterId): Record<string, unknown> {
  return JSON.parse(JSON.stringify(starterDocument(starter))) as Record<string, unknown>;
}

export async function makeContact(db: Db, workspaceId: string, data: { email: string; firstName?: string | null; city?: string | null; attributes?: Record<string, unknown> }) {
  return db.contact.create({ data: { workspaceId, email: data.email, firstName: data.firstName ?? null, city: data.city ?? null, attributes: (data.attributes ?? {}) as object } });
}

export async function makeProduct(db: Db, workspaceId: string, sku: string, data: { name: string; category?: string; price?: number; url?: string }) {
  return db.product.create({ data: { workspaceId, sku, name: data.name, category: data.category ?? null, price: data.price ?? null, currency: "USD", url: data.url ?? `https://shop.example.com/p/${sku}` } });
}

let eventSeq = 0;
export async function makeEvent(db: Db, workspaceId: string, contactId: bigint, name: string, occurredAt: Date, properties: Record<string, unknown> = {}, revenue: number | null = null) {
  eventSeq += 1;
  return db.event.create({
    data: { workspaceId, contactId, type: "track", name, properties: properties as object, revenue, occurredAt, messageId: `email-test-${Date.now()}-${eventSeq}`, source: "api" },
  });
}

/** A saved segment with the given members, written straight into the saved-segments tables. */
export async function makeSavedSegment(db: Db, workspaceId: string, name: string, memberIds: readonly bigint[]): Promise<string> {
  const [segment] = await db.$queryRaw<{ id: string }[]>`
    insert into segment (workspace_id, name, definition) values (${workspaceId}::uuid, ${name}, ${JSON.stringify({ version: 1, root: { kind: "group", op: "and", children: [] } })}::jsonb)
    returning id::text as id`;
  for (const contactId of memberIds) {
    await db.$executeRaw`insert into segment_membership (segment_id, contact_id, entered_at) values (${segment!.id}::uuid, ${contactId}, now())`;
  }
  return segment!.id;
}

/** The current scores of a contact, as a scoring run leaves them in contact_score. */
export async function makeContactScore(db: Db, workspaceId: string, contactId: bigint, scores: { churnRisk?: number; propensity?: number; recommendations?: bigint[] }) {
  await db.$executeRaw`
    insert into contact_score (contact_id, workspace_id, run_id, computed_at, churn_risk, propensity_30d, recommendations)
    values (${contactId}, ${workspaceId}::uuid, gen_random_uuid(), now(), ${scores.churnRisk ?? null}, ${scores.propensity ?? null}, ${scores.recommendations ?? null}::bigint[])`;
}
