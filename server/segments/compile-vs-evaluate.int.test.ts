import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { insertAudience, insertAudienceEvents } from "../../tests/factories/segments";
import { makeWorkspace, testDb } from "../../tests/factories";
import { compileSegmentToSql } from "./compile";
import type { SegmentDefinition } from "./definition";
import { evaluateSegment, type ReferenceData } from "./evaluate";
import { refreshStaleEventRanks } from "./event-ranks";
import { audienceArb, definitionsArb, PROPERTY_NOW } from "./testing/arbitraries";
import { validateSegmentDefinition } from "./validate";

const db = testDb();

afterAll(async () => {
  await db.$disconnect();
});

async function sqlMatches(workspaceId: string, definition: SegmentDefinition, segments: Map<string, SegmentDefinition>): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>(compileSegmentToSql(definition, { workspaceId, now: PROPERTY_NOW, segments }));
  return rows.map((row) => row.id.toString()).sort();
}

async function staleRows(workspaceId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`select count(*)::int as n from event_rank_stale where workspace_id = ${workspaceId}::uuid`;
  return row!.n;
}

/**
 * Inserts the audience into a fresh workspace and compares Postgres with the reference evaluator
 * in two states of event_rank (server/segments/event-ranks.ts): with the first half of the events
 * ranked and the second half only marked stale (so some ranks are out of date), and with
 * everything ranked.
 */
async function compare(audience: ReferenceData, definitions: { definition: SegmentDefinition; referenced: SegmentDefinition }[]) {
  const workspace = await makeWorkspace(db);
  const half = Math.ceil(audience.events.length / 2);
  const data = await insertAudience(db, workspace.id, { ...audience, events: audience.events.slice(0, half) });
  await refreshStaleEventRanks(db, { workspaceId: workspace.id, wait: true });
  const later = audience.events.slice(half).map((event) => ({ ...event, contactId: data.contacts[Number(event.contactId)]!.id }));
  await insertAudienceEvents(db, workspace.id, later, half);
  const everything = { ...data, events: [...data.events, ...later] };
  const check = async () => {
    for (const { definition, referenced } of definitions) {
      for (const document of [definition, referenced]) expect(validateSegmentDefinition(document)).toMatchObject({ ok: true });
      const segments = new Map([["s1", referenced]]);
      const expected = evaluateSegment(definition, everything, { now: PROPERTY_NOW, segments }).sort();
      expect(await sqlMatches(workspace.id, definition, segments)).toEqual(expected);
    }
  };
  await check();
  await refreshStaleEventRanks(db, { workspaceId: workspace.id, wait: true });
  expect(await staleRows(workspace.id)).toBe(0);
  await check();
}

describe("the SQL compiler against the reference evaluator", () => {
  it("selects the same contacts for random definitions over random audiences", async () => {
    await fc.assert(
      fc.asyncProperty(audienceArb, fc.array(definitionsArb, { minLength: 1, maxLength: 3 }), compare),
      { numRuns: 200 },
    );
  });
});
