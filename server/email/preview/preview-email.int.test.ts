import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailWorkspace, makeContact, makeContactScore, makeSavedSegment, makeTemplate, starterJson } from "../../../tests/factories/emails";
import { testDb } from "../../../tests/factories";
import { UserFacingError } from "../../errors";
import { previewEmail } from "./preview-email";

const db = testDb();
const links = { unsubscribeUrl: (id: string) => `https://tailor.example.com/u/${id}` };
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;
let templateId: string;

beforeAll(async () => {
  ctx = await emailWorkspace(db);
  templateId = (await makeTemplate(db, ctx.actor, "newsletter")).id;
});
afterAll(async () => {
  await db.$disconnect();
});

describe("email preview", () => {
  it("renders the email as a chosen contact, with each block shown or hidden and why", async () => {
    const ava = await makeContact(db, ctx.workspace.id, { email: "ava@example.test", firstName: "Ava", city: "New York", attributes: { vip_tier: "silver" } });
    await makeContactScore(db, ctx.workspace.id, ava.id, { churnRisk: 0.9 });
    const preview = await previewEmail(db, ctx.workspace.id, { id: templateId, contactId: ava.id.toString() }, links);
    expect(preview.contact).toEqual({ id: ava.id.toString(), email: "ava@example.test", name: "Ava" });
    expect(preview.subject).toBe("Ava, new picks for you this week");
    expect(preview.preheader).toBe("Fresh arrivals near New York, picked from what you love.");
    expect(preview.html).toContain("SoHo store");
    expect(preview.text).toContain(`https://tailor.example.com/u/${ava.id}`);
    const byId = new Map(preview.blocks.map((block) => [block.blockId, block]));
    expect(byId.get("comeback")).toMatchObject({ shown: true, reason: expect.stringContaining("churn risk is at least 0.6") });
    expect(byId.get("vip")).toMatchObject({ shown: false, reason: expect.stringContaining("vip_tier is gold") });
    expect(byId.get("new-york")?.shown).toBe(true);
  });

  it("previews an unsaved document as a sample recipient when no contact is chosen", async () => {
    const draft = starterJson("welcome");
    draft.subject = "Draft for {{ contact.first_name | default: 'you' }}";
    const preview = await previewEmail(db, ctx.workspace.id, { document: draft }, links);
    expect(preview.contact).toBeNull();
    expect(preview.subject).toMatch(/^Draft for /);
  });

  it("draws a random contact from a saved segment", async () => {
    const bo = await makeContact(db, ctx.workspace.id, { email: "bo@example.test", firstName: "Bo" });
    const segmentId = await makeSavedSegment(db, ctx.workspace.id, "Only Bo", [bo.id]);
    for (let draw = 0; draw < 3; draw++) {
      const preview = await previewEmail(db, ctx.workspace.id, { id: templateId, segmentId, random: true }, links);
      expect(preview.contact?.email).toBe("bo@example.test");
    }
    const anyone = await previewEmail(db, ctx.workspace.id, { id: templateId, random: true }, links);
    expect(anyone.contact).not.toBeNull();
  });

  it("refuses broken Liquid, and another workspace's contact", async () => {
    const broken = starterJson("welcome");
    broken.subject = "Hi {{ contact.first_name ";
    const error = await previewEmail(db, ctx.workspace.id, { document: broken }, links).catch((e: unknown) => e);
    expect((error as UserFacingError).code).toBe("BAD_REQUEST");
    const other = await emailWorkspace(db);
    const theirs = await makeContact(db, other.workspace.id, { email: "theirs@example.test" });
    const notFound = await previewEmail(db, ctx.workspace.id, { id: templateId, contactId: theirs.id.toString() }, links).catch((e: unknown) => e);
    expect((notFound as UserFacingError).code).toBe("NOT_FOUND");
  });
});
