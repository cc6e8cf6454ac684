import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailWorkspace, makeTemplate, starterJson } from "../../../tests/factories/emails";
import { makeMember, testDb } from "../../../tests/factories";
import { UserFacingError } from "../../errors";
import { getTemplate } from "./get-template";
import { listTemplates } from "./list-templates";
import { AUTOSAVE_COALESCE_MS, saveTemplate } from "./save-template";
import { listTemplateVersions, restoreTemplateVersion } from "./template-versions";

const db = testDb();
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  ctx = await emailWorkspace(db);
});
afterAll(async () => {
  await db.$disconnect();
});

async function rejection(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe("email templates", () => {
  it("creates an email from a starter, lists it and reads it back with no blocking issues", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "newsletter", "Weekly picks");
    const list = await listTemplates(db, ctx.workspace.id);
    expect(list.find((row) => row.id === id)).toMatchObject({ name: "Weekly picks", version: 1, hasIssues: false, updatedByName: "Mia Marketer", subject: expect.stringContaining("new picks") });
    const view = await getTemplate(db, ctx.workspace.id, "marketer", id);
    expect(view).toMatchObject({ id, name: "Weekly picks", version: 1, canEdit: true });
    expect(view.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(view.issues).toContainEqual(expect.objectContaining({ blockId: "vip", severity: "warning", message: 'Condition 1: No contact has the attribute "vip_tier" yet' }));
    expect((await getTemplate(db, ctx.workspace.id, "manager", id)).canEdit).toBe(false);
    const audit = await db.auditLogEntry.findFirst({ where: { workspaceId: ctx.workspace.id, action: "email.created", targetId: id } });
    expect(audit?.actorId).toBe(ctx.editor.user.id);
  });

  it("stores an autosaved draft that does not validate, and flags its issue on the block", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    const draft = starterJson("welcome");
    draft.subject = "";
    const offer = (draft.blocks as { id: string; headline?: string }[]).find((block) => block.id === "welcome-offer")!;
    offer.headline = "x".repeat(501);
    const saved = await saveTemplate(db, ctx.actor, { id, document: draft, baseVersion: 1, kind: "autosave" });
    expect(saved.version).toBe(2);
    expect(saved.issues).toContainEqual(expect.objectContaining({ blockId: null, path: "subject", severity: "error" }));
    expect(saved.issues).toContainEqual(expect.objectContaining({ blockId: "welcome-offer", path: expect.stringMatching(/^blocks\.\d+\.headline$/), severity: "error" }));
    const view = await getTemplate(db, ctx.workspace.id, "marketer", id);
    expect(view.document.subject).toBe("");
    expect((await listTemplates(db, ctx.workspace.id)).find((row) => row.id === id)?.hasIssues).toBe(true);
  });

  it("refuses a manual save with blocking issues, naming the first one", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    const draft = starterJson("welcome");
    const offer = (draft.blocks as { id: string; buttonHref?: string }[]).find((block) => block.id === "welcome-offer")!;
    offer.buttonHref = "javascript:alert(1)";
    const error = await rejection(saveTemplate(db, ctx.actor, { id, document: draft, baseVersion: 1, kind: "manual" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/Links must start with https/);
    expect(error.field).toMatch(/^blocks\.\d+\.buttonHref$/);
    expect((await getTemplate(db, ctx.workspace.id, "marketer", id)).version).toBe(1);
  });

  it("reports Liquid syntax errors with their block, line and column", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    const draft = starterJson("welcome");
    const blocks = draft.blocks as { id: string; type: string; text?: string }[];
    const heading = blocks.find((block) => block.type === "heading")!;
    heading.text = "Hello\n{{ contact.first_name ";
    const { issues } = await saveTemplate(db, ctx.actor, { id, document: draft, baseVersion: 1, kind: "autosave" });
    expect(issues).toContainEqual(expect.objectContaining({ blockId: heading.id, severity: "error", line: 2, column: expect.any(Number) }));
  });

  it("answers CONFLICT to a save based on a stale version", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    await saveTemplate(db, ctx.actor, { id, document: starterJson("welcome"), baseVersion: 1, kind: "manual" });
    const error = await rejection(saveTemplate(db, ctx.actor, { id, document: starterJson("win_back"), baseVersion: 1, kind: "manual" }));
    expect(error.code).toBe("CONFLICT");
  });

  it("folds autosaves by the same author within two minutes into one version, but not across authors", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    const t0 = new Date();
    const first = await saveTemplate(db, ctx.actor, { id, document: starterJson("welcome"), baseVersion: 1, kind: "autosave" }, t0);
    const second = await saveTemplate(db, ctx.actor, { id, document: starterJson("win_back"), baseVersion: first.version, kind: "autosave" }, new Date(t0.getTime() + 30_000));
    const colleague = await makeMember(db, ctx.workspace.id, "admin", "Ada Admin");
    const other = { ...ctx.actor, userId: colleague.user.id, email: colleague.user.email };
    const third = await saveTemplate(db, other, { id, document: starterJson("welcome"), baseVersion: second.version, kind: "autosave" }, new Date(t0.getTime() + 40_000));
    const later = await saveTemplate(db, other, { id, document: starterJson("welcome"), baseVersion: third.version, kind: "autosave" }, new Date(t0.getTime() + 40_000 + AUTOSAVE_COALESCE_MS + 1));
    const versions = await listTemplateVersions(db, ctx.workspace.id, id);
    expect(versions.map((v) => [v.version, v.kind, v.authorName])).toEqual([
      [later.version, "autosave", "Ada Admin"],
      [third.version, "autosave", "Ada Admin"],
      [second.version, "autosave", "Mia Marketer"],
      [1, "create", "Mia Marketer"],
    ]);
    expect(second.version).toBe(3);
  });

  it("restores an old version as a new version and audits manual saves and restores", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome", "Restorable");
    const saved = await saveTemplate(db, ctx.actor, { id, name: "Renamed", document: starterJson("win_back"), baseVersion: 1, kind: "manual" });
    const restored = await restoreTemplateVersion(db, ctx.actor, { id, version: 1 });
    expect(restored.version).toBe(saved.version + 1);
    const view = await getTemplate(db, ctx.workspace.id, "marketer", id);
    expect(view.name).toBe("Renamed");
    expect(view.document.subject).toBe(starterJson("welcome").subject);
    expect((await listTemplateVersions(db, ctx.workspace.id, id))[0]).toMatchObject({ version: restored.version, kind: "restore" });
    const actions = await db.auditLogEntry.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["email.created", "email.saved", "email.restored"]);
    expect((await rejection(restoreTemplateVersion(db, ctx.actor, { id, version: 99 }))).code).toBe("NOT_FOUND");
  });

  it("does not show or change another workspace's email", async () => {
    const other = await emailWorkspace(db);
    const { id } = await makeTemplate(db, other.actor, "welcome", "Theirs");
    expect((await rejection(getTemplate(db, ctx.workspace.id, "admin", id))).code).toBe("NOT_FOUND");
    expect((await rejection(saveTemplate(db, ctx.actor, { id, document: starterJson("welcome"), baseVersion: 1, kind: "autosave" }))).code).toBe("NOT_FOUND");
    expect((await rejection(listTemplateVersions(db, ctx.workspace.id, id))).code).toBe("NOT_FOUND");
    expect((await listTemplates(db, ctx.workspace.id)).map((row) => row.name)).not.toContain("Theirs");
  });
});
