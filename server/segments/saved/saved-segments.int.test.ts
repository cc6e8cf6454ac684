import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { contextFor, makeMember, makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, inSegment, makeContacts } from "../../../tests/factories/saved-segments";
import { createCaller } from "../../trpc/root";
import { trpcRejection } from "../../../tests/factories/trpc-rejection";

const db = testDb();
let workspaceId: string;
let marketer: ReturnType<typeof createCaller>;
let manager: ReturnType<typeof createCaller>;

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const marketerMember = await makeMember(db, workspaceId, "marketer", "Mara Marketer");
  const managerMember = await makeMember(db, workspaceId, "manager");
  marketer = createCaller(await contextFor(db, marketerMember.user.id, workspaceId));
  manager = createCaller(await contextFor(db, managerMember.user.id, workspaceId));
  await makeContacts(db, workspaceId, [
    { email: "ana@example.test", country: "US" },
    { email: "cleo@example.test", country: "FR" },
  ]);
});

afterAll(() => db.$disconnect());

describe("saved segments", () => {
  it("creates a segment with its first version, queues its refresh and lists it", async () => {
    const { id, jobRunId } = await marketer.segments.create({ name: "Americans", description: "In the US", definition: allOf(countryIs("US")) });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: jobRunId } })).toMatchObject({ task: "segment.refresh", payload: { segmentId: id } });

    const detail = await manager.segments.get({ id });
    expect(detail).toMatchObject({ name: "Americans", description: "In the US", version: 1, memberCount: null, canEdit: false, refreshJobRunId: jobRunId });
    expect(detail.summary).toBe("Contacts whose country is US");
    expect((await marketer.segments.get({ id })).canEdit).toBe(true);

    const [listed] = await manager.segments.list();
    expect(listed).toMatchObject({ id, name: "Americans", refreshing: true, usedBy: [], summary: "Contacts whose country is US" });
    expect(await manager.segments.versions({ id })).toMatchObject([{ version: 1, authorName: "Mara Marketer", summary: "Contacts whose country is US" }]);
    expect(await db.auditLogEntry.count({ where: { workspaceId, action: "segment.created", targetId: id } })).toBe(1);
  });

  it("refuses an invalid definition naming the condition at fault, and a duplicate name", async () => {
    const invalid = await trpcRejection(marketer.segments.create({ name: "Bad", definition: { version: 1, root: { kind: "group", op: "and", children: [{ kind: "attribute", field: "country", valueType: "number", op: "equals", value: "US" }] } } }));
    expect(invalid.code).toBe("BAD_REQUEST");
    expect(invalid.message).toMatch(/^root\.children\[0\]/);

    await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    const duplicate = await trpcRejection(marketer.segments.create({ name: "americans", definition: allOf(countryIs("FR")) }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toMatch(/already exists/);
  });

  it("appends a version when the definition changes and refuses a stale save", async () => {
    const { id } = await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    expect(await marketer.segments.update({ id, name: "US contacts", expectedVersion: 1 })).toEqual({ id, version: 1 });
    expect(await marketer.segments.update({ id, definition: allOf(countryIs("FR")), expectedVersion: 1 })).toEqual({ id, version: 2 });

    const stale = await trpcRejection(marketer.segments.update({ id, definition: allOf(countryIs("DE")), expectedVersion: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed by someone else/);

    const versions = await marketer.segments.versions({ id });
    expect(versions.map((v) => [v.version, v.summary])).toEqual([
      [2, "Contacts whose country is FR"],
      [1, "Contacts whose country is US"],
    ]);
    expect((await marketer.segments.get({ id })).name).toBe("US contacts");
  });

  it("resolves segment references in previews and rejects a cycle", async () => {
    const americans = await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    const preview = await marketer.segments.preview({ definition: allOf(inSegment(americans.id)) });
    expect(preview.count).toBe(1);
    expect(preview.sample.map((row) => row.email)).toEqual(["ana@example.test"]);

    const outer = await marketer.segments.create({ name: "Not American", definition: allOf(inSegment(americans.id, false)) });
    const cycle = await trpcRejection(marketer.segments.update({ id: americans.id, definition: allOf(inSegment(outer.id)), expectedVersion: 1 }));
    expect(cycle.code).toBe("BAD_REQUEST");
    expect(cycle.message).toMatch(/contains itself/);
  });

  it("refuses to delete a segment another one uses, naming it, and deletes it once unused", async () => {
    const americans = await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    const outer = await marketer.segments.create({ name: "American buyers", definition: allOf(inSegment(americans.id)) });
    expect((await marketer.segments.list()).find((s) => s.id === americans.id)?.usedBy).toEqual([{ kind: "segment", id: outer.id, name: "American buyers" }]);

    const refused = await trpcRejection(marketer.segments.delete({ id: americans.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/used by the segment "American buyers"/);

    await marketer.segments.delete({ id: outer.id });
    await marketer.segments.delete({ id: americans.id });
    expect(await marketer.segments.list()).toEqual([]);
    expect(await db.auditLogEntry.count({ where: { workspaceId, action: "segment.deleted" } })).toBe(2);
  });

  it("lets a manager read but not change, and hides other workspaces' segments", async () => {
    const { id } = await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    expect((await trpcRejection(manager.segments.update({ id, name: "X", expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    expect((await trpcRejection(manager.segments.refresh({ id }))).code).toBe("FORBIDDEN");
    expect((await trpcRejection(manager.segments.delete({ id }))).code).toBe("FORBIDDEN");

    const elsewhere = await makeWorkspace(db);
    const stranger = await makeMember(db, elsewhere.id, "admin");
    const outsider = createCaller(await contextFor(db, stranger.user.id, elsewhere.id));
    expect((await trpcRejection(outsider.segments.get({ id }))).code).toBe("NOT_FOUND");
    expect((await trpcRejection(outsider.segments.delete({ id }))).code).toBe("NOT_FOUND");
    expect((await trpcRejection(outsider.segments.preview({ definition: allOf(inSegment(id)) }))).code).toBe("BAD_REQUEST");
    expect(await outsider.segments.list()).toEqual([]);
  });

  it("queues one refresh on demand however often it is asked for", async () => {
    const { id, jobRunId } = await marketer.segments.create({ name: "Americans", definition: allOf(countryIs("US")) });
    expect(await marketer.segments.refresh({ id })).toEqual({ jobRunId });
    await db.jobRun.update({ where: { id: jobRunId }, data: { status: "succeeded" } });
    const next = await marketer.segments.refresh({ id });
    expect(next.jobRunId).not.toBe(jobRunId);
  });
});
