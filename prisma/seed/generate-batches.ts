import { activityWeight, planContact, type GeneratorWorld, type PlannedContact } from "./generate-contact";
import { buildCampaigns, buildCatalogue } from "./generate-catalogue";
import { copyField, copyLine } from "./generate-copy";

/** What a batch of generated contacts needs to be planned, in a form a worker thread can receive. */
export type BatchPlanInput = {
  workspaceId: string;
  contacts: number;
  events: number;
  seed: number;
  nowMs: number;
  /** The id of the first contact; the others follow (reserved from contact's sequence). */
  firstId: string;
};

/** One batch of contacts and everything about them, as COPY text per table. */
export type AudienceBatch = {
  contacts: number;
  events: number;
  contactText: string;
  /** In pieces of about EVENT_PIECE_CHARS, so that loading starts before the batch is copied whole. */
  eventPieces: string[];
  consentRecordText: string;
  consentText: string;
  suppressionText: string;
};

export const BATCH_CONTACTS = 10_000;
const EVENT_PIECE_CHARS = 1 << 20;

type Planned = { id: bigint; plan: PlannedContact; index: number };

const iso = (ms: number) => new Date(ms).toISOString();

/** Which batches a generator makes: those whose index modulo `parts` is `part`. */
export type BatchShare = { part: number; parts: number };

/**
 * The generated audience, batch by batch, fully determined by the input: the same batches
 * whether they are made here or in worker threads. With a `share`, only that share's batches
 * are made (the others are skipped cheaply), so that threads can split the work.
 */
export function* audienceBatches(input: BatchPlanInput, share: BatchShare = { part: 0, parts: 1 }): Generator<AudienceBatch> {
  const catalogue = buildCatalogue(input.seed);
  const world: GeneratorWorld = { seed: input.seed, nowMs: input.nowMs, catalogue, campaigns: buildCampaigns(input.seed, input.nowMs) };
  const firstId = BigInt(input.firstId);
  const weights = new Float64Array(input.contacts);
  let totalWeight = 0;
  for (let i = 0; i < input.contacts; i++) totalWeight += weights[i] = activityWeight(input.seed, i);
  let cumulativeWeight = 0;
  let eventsAssigned = 0;
  for (let batchStart = 0, batchIndex = 0; batchStart < input.contacts; batchStart += BATCH_CONTACTS, batchIndex++) {
    const mine = batchIndex % share.parts === share.part;
    const batch: Planned[] = [];
    for (let i = batchStart; i < Math.min(input.contacts, batchStart + BATCH_CONTACTS); i++) {
      cumulativeWeight += weights[i]!;
      // Budgets from rounded cumulative shares add up to exactly the requested total.
      const target = totalWeight > 0 ? Math.round((input.events * cumulativeWeight) / totalWeight) : 0;
      if (mine) batch.push({ id: firstId + BigInt(i), plan: planContact(world, i, target - eventsAssigned), index: i });
      eventsAssigned = target;
    }
    if (mine) yield textOf(input, batch);
  }
}

function textOf(input: BatchPlanInput, batch: Planned[]): AudienceBatch {
  const { workspaceId } = input;
  let contactText = "";
  let consentRecordText = "";
  let consentText = "";
  let suppressionText = "";
  const eventPieces: string[] = [];
  let eventText = "";
  let events = 0;
  const eventPrefix = `${workspaceId}\t`;
  for (const { id, plan, index } of batch) {
    const contactId = id.toString();
    const first = plan.events[0]?.at;
    const last = plan.events[plan.events.length - 1]?.at;
    const created = iso(plan.createdAt);
    contactText += copyLine([
      contactId, workspaceId, plan.externalId, plan.email, plan.firstName, plan.lastName, plan.phone, plan.locale,
      plan.timeZone, plan.country, plan.region, plan.city, plan.attributes,
      first === undefined ? null : iso(first), last === undefined ? null : iso(last), created, last === undefined ? created : iso(last),
    ]);
    const messagePrefix = `seed-${input.seed}-${index}-`;
    for (let k = 0; k < plan.events.length; k++) {
      const event = plan.events[k]!;
      const at = iso(event.at);
      eventText += `${eventPrefix}${contactId}\t${event.type}\t${event.name}\t${copyField(event.properties)}\t${event.revenue ?? "\\N"}\t${at}\t${at}\t${messagePrefix}${k}\tseed\n`;
      events++;
    }
    if (eventText.length >= EVENT_PIECE_CHARS) {
      eventPieces.push(eventText);
      eventText = "";
    }
    for (const c of plan.consents) {
      consentRecordText += copyLine([workspaceId, contactId, c.purpose, c.state, c.source, c.wording, iso(c.at), iso(c.at)]);
    }
    for (const purpose of ["email_marketing", "tracking"] as const) {
      const latest = plan.consents.filter((c) => c.purpose === purpose).sort((a, b) => a.at - b.at).at(-1);
      if (latest) consentText += copyLine([contactId, purpose, workspaceId, latest.state, latest.source, iso(latest.at)]);
    }
    for (const s of plan.suppressions) {
      if (plan.email) suppressionText += copyLine([workspaceId, plan.email, contactId, s.reason, "seed", null, iso(s.at)]);
    }
  }
  if (eventText) eventPieces.push(eventText);
  return { contacts: batch.length, events, contactText, eventPieces, consentRecordText, consentText, suppressionText };
}
