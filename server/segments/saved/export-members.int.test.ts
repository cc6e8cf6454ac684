import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { allOf, countryIs, makeContacts, makeSavedSegment } from "../../../tests/factories/saved-segments";
import { exportMemberCsvLines, findSegmentForExport } from "./export-members";
import { refreshSegment } from "./refresh-segment";

const db = testDb();
let workspaceId: string;

beforeEach(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});

afterAll(() => db.$disconnect());

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

describe("segment member export", () => {
  it("writes the header and one row per member, escaping cells a spreadsheet would run", async () => {
    await makeContacts(db, workspaceId, [
      { email: "ana@example.test", country: "US", firstName: "=HYPERLINK(1)" },
      { email: "bo@example.test", country: "US", firstName: 'Bo "B", Jr' },
      { email: "cleo@example.test", country: "FR" },
    ]);
    const segment = await makeSavedSegment(db, workspaceId, { name: "US / Canada", definition: allOf(countryIs("US")) });
    await refreshSegment(db, { workspaceId, segmentId: segment.id, now: new Date("2026-03-01T10:00:00Z") });

    const found = await findSegmentForExport(db, workspaceId, segment.id);
    expect(found.fileName).toBe("US-Canada-members.csv");
    const csv = await collect(exportMemberCsvLines(db, segment.id));
    expect(csv.split("\r\n")).toEqual([
      "email,external_id,first_name,last_name,country,entered_at",
      "ana@example.test,,'=HYPERLINK(1),,US,2026-03-01T10:00:00.000Z",
      'bo@example.test,,"Bo ""B"", Jr",,US,2026-03-01T10:00:00.000Z',
      "",
    ]);
  });

  it("reads page after page, never skipping or repeating a member", async () => {
    const count = 5_203;
    await db.$executeRaw`insert into contact (workspace_id, email, country)
      select ${workspaceId}::uuid, 'member' || n || '@example.test', 'US' from generate_series(1, ${count}::int) n`;
    const segment = await makeSavedSegment(db, workspaceId, { name: "Everyone in the US", definition: allOf(countryIs("US")) });
    await refreshSegment(db, { workspaceId, segmentId: segment.id, now: new Date() });

    const chunks: string[] = [];
    for await (const chunk of exportMemberCsvLines(db, segment.id)) chunks.push(chunk);
    expect(chunks.length).toBe(3); // header, then two pages
    const rows = chunks.join("").trimEnd().split("\r\n").slice(1);
    expect(new Set(rows.map((row) => row.split(",")[0])).size).toBe(count);
  });

  it("does not find another workspace's segment", async () => {
    const segment = await makeSavedSegment(db, workspaceId, { name: "Mine", definition: allOf(countryIs("US")) });
    const other = await makeWorkspace(db);
    await expect(findSegmentForExport(db, other.id, segment.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
