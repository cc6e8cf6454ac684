import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { insertAudience } from "../../tests/factories/segments";
import { makeWorkspace, testDb } from "../../tests/factories";
import { compileSegmentToSql } from "./compile";
import type { SegmentDefinition } from "./definition";
import { evaluateSegment, type ReferenceData } from "./evaluate";
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

/** Inserts the audience into a fresh workspace and compares Postgres with the reference evaluator. */
async function compare(audience: ReferenceData, definitions: { definition: SegmentDefinition; referenced: SegmentDefinition }[]) {
  const workspace = await makeWorkspace(db);
  const data = await insertAudience(db, workspace.id, audience);
  for (const { definition, referenced } of definitions) {
    for (const document of [definition, referenced]) expect(validateSegmentDefinition(document)).toMatchObject({ ok: true });
    const segments = new Map([["s1", referenced]]);
    const expected = evaluateSegment(definition, data, { now: PROPERTY_NOW, segments }).sort();
    expect(await sqlMatches(workspace.id, definition, segments)).toEqual(expected);
  }
}

describe("the SQL compiler against the reference evaluator", () => {
  it("selects the same contacts for random definitions over random audiences", async () => {
    await fc.assert(
      fc.asyncProperty(audienceArb, fc.array(definitionsArb, { minLength: 1, maxLength: 3 }), compare),
      { numRuns: 200 },
    );
  });
});
