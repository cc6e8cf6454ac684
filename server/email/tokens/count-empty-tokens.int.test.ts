import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentWith } from "../test-support";
import { emailWorkspace, makeContact, makeContactScore, makeSavedSegment } from "../../../tests/factories/emails";
import { testDb } from "../../../tests/factories";
import { UserFacingError } from "../../errors";
import { countEmptyTokens } from "./count-empty-tokens";

const db = testDb();
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  ctx = await emailWorkspace(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const document = documentWith(
  [
    { id: "hi", type: "heading", level: 1, text: 'Hi {{ contact.first_name | default: "there" }} from {{ contact.city }}' },
    { id: "tier", type: "heading", level: 2, text: "{{ contact.attributes.tier }} · {{ scores.churn_risk }} · {{ campaign.name }}" },
  ],
  { subject: "{{ contact.first_name }}, news" },
);

describe("empty tokens", () => {
  it("counts, per token, the contacts of the audience who would see it empty", async () => {
    const ws = ctx.workspace.id;
    const ava = await makeContact(db, ws, { email: "ava@example.test", firstName: "Ava", city: "Portland", attributes: { tier: "gold" } });
    await makeContact(db, ws, { email: "ben@example.test", firstName: "", city: null, attributes: { tier: "" } });
    await makeContact(db, ws, { email: "cy@example.test", firstName: null, city: "Austin" });
    await makeContactScore(db, ws, ava.id, { churnRisk: 0.4 });
    expect(await countEmptyTokens(db, ws, document, null)).toEqual([
      { token: "contact.first_name", empty: 2, total: 3 },
      { token: "contact.city", empty: 1, total: 3 },
      { token: "contact.attributes.tier", empty: 2, total: 3 },
      { token: "scores.churn_risk", empty: 2, total: 3 },
    ]);
  });

  it("counts within a saved segment, and refuses another workspace's segment", async () => {
    const ws = ctx.workspace.id;
    const dee = await makeContact(db, ws, { email: "dee@example.test", firstName: "Dee", city: null });
    const segmentId = await makeSavedSegment(db, ws, "Just Dee", [dee.id]);
    const counts = await countEmptyTokens(db, ws, document, segmentId);
    expect(counts.find((c) => c.token === "contact.city")).toEqual({ token: "contact.city", empty: 1, total: 1 });
    expect(counts.find((c) => c.token === "contact.first_name")).toEqual({ token: "contact.first_name", empty: 0, total: 1 });
    const other = await emailWorkspace(db);
    const theirs = await makeSavedSegment(db, other.workspace.id, "Theirs", []);
    const error = await countEmptyTokens(db, ws, document, theirs).catch((e: unknown) => e);
    expect((error as UserFacingError).code).toBe("NOT_FOUND");
  });
});
