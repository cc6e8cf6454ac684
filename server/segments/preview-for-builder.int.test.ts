import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../tests/factories";
import { allOf, countryIs, inSegment, makeContacts, makeSavedSegment } from "../../tests/factories/saved-segments";
import { createCaller } from "../trpc/root";
import { trpcRejection } from "../../tests/factories/trpc-rejection";

const db = testDb();
let workspaceId: string;
let marketer: ReturnType<typeof createCaller>;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const member = await makeMember(db, workspaceId, "marketer");
  marketer = createCaller(await contextFor(db, member.user.id, workspaceId));
  await makeContacts(db, workspaceId, [
    { email: "ana@example.test", country: "US" },
    { email: "cleo@example.test", country: "FR" },
  ]);
});

afterAll(() => db.$disconnect());

describe("segments.preview in the builder", () => {
  it("names a referenced segment in the sentence instead of its id", async () => {
    const americans = await makeSavedSegment(db, workspaceId, { name: "Americans", definition: allOf(countryIs("US")) });
    const preview = await marketer.segments.preview({ definition: allOf(countryIs("FR"), inSegment(americans.id, false)) });
    expect(preview.summary).toBe("Contacts whose country is FR and who are not in Americans");
    expect(preview.count).toBe(1);
  });

  it("refuses, on the condition at fault, a reference that leads back to the segment being edited", async () => {
    const edited = await makeSavedSegment(db, workspaceId, { name: "Edited", definition: allOf(countryIs("US")) });
    const usesEdited = await makeSavedSegment(db, workspaceId, { name: "Uses edited", definition: allOf(inSegment(edited.id)) });
    const error = await trpcRejection(
      marketer.segments.preview({ definition: allOf(countryIs("US"), inSegment(usesEdited.id)), editingSegmentId: edited.id }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(`This refers to a segment that contains itself (${edited.id} → ${usesEdited.id} → ${edited.id}).`);
    expect((error.cause as { field?: string } | undefined)?.field).toBe("root.children[1]");
  });

  it("previews the same reference when no segment is being edited", async () => {
    const edited = await makeSavedSegment(db, workspaceId, { name: "Edited again", definition: allOf(countryIs("US")) });
    const usesEdited = await makeSavedSegment(db, workspaceId, { name: "Uses edited again", definition: allOf(inSegment(edited.id)) });
    const preview = await marketer.segments.preview({ definition: allOf(inSegment(usesEdited.id)) });
    expect(preview).toMatchObject({ count: 1, summary: "Contacts who are in Uses edited again" });
  });
});
