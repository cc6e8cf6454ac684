import { describe, expect, it } from "vitest";
import { makeContact } from "../../../tests/factories/audience-contacts";
import { makeWorkspace, testDb } from "../../../tests/factories";
import { CRON_ITEMS } from "../../worker/schedule";
import { scheduleNightlyScoreRuns } from "./schedule-nightly-runs";
import { startScoreRun } from "./start-score-run";

const db = testDb();

describe("nightly scoring runs", () => {
  it("runs at 03:00 UTC every day", () => {
    const nightly = CRON_ITEMS.find((item) => item.task === "scores.nightly")!;
    const at = (hour: number, min: number) => ({ min, hour, date: 15, month: 6, dow: 3 });
    expect(nightly.match(at(3, 0))).toBe(true);
    expect(nightly.match(at(4, 0))).toBe(false);
  });

  it("queues one scheduled run per workspace with contacts, none where one is still going", async () => {
    const withContacts = await makeWorkspace(db);
    await makeContact(db, withContacts.id);
    const busy = await makeWorkspace(db);
    await makeContact(db, busy.id);
    const empty = await makeWorkspace(db);
    const user = await db.user.create({ data: { id: crypto.randomUUID(), name: "Scorer", email: `scorer-${crypto.randomUUID()}@example.test` } });
    await startScoreRun(db, { userId: user.id, email: user.email, workspaceId: busy.id });

    const queued = await scheduleNightlyScoreRuns(db, [withContacts.id, busy.id, empty.id]);
    expect(queued).toEqual([withContacts.id]);
    expect(await db.scoreRun.findMany({ where: { workspaceId: withContacts.id }, select: { status: true, trigger: true } })).toEqual([{ status: "queued", trigger: "schedule" }]);
    await expect(startScoreRun(db, { userId: user.id, email: user.email, workspaceId: withContacts.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
