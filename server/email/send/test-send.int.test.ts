import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailWorkspace, makeContact, makeTemplate, starterJson } from "../../../tests/factories/emails";
import { testDb } from "../../../tests/factories";
import { UserFacingError } from "../../errors";
import { startCaptureServer, type CaptureServer } from "../../outbox";
import { getOutboxMessage, listOutboxMessages } from "../../outbox/list-messages";
import { unsubscribeUrl } from "../recipients";
import { testSend } from "./test-send";

const db = testDb();
let capture: CaptureServer;
let ctx: Awaited<ReturnType<typeof emailWorkspace>>;
const links = (workspaceId: string) => ({ unsubscribeUrl: (contactId: string) => unsubscribeUrl("https://tailor.example.com", "secret-for-tests-0123456789abcdef", workspaceId, contactId) });

beforeAll(async () => {
  capture = await startCaptureServer(db);
  ctx = await emailWorkspace(db);
});
afterAll(async () => {
  await capture.close();
  await db.$disconnect();
});

const target = () => ({ url: capture.url, captured: true, from: "tailor@example.test" });

describe("test send through the SMTP capture server", () => {
  it("sends the email personalised for a contact over SMTP, and the Outbox reads it back", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "newsletter", "Weekly");
    const contact = await makeContact(db, ctx.workspace.id, { email: "ava@example.test", firstName: "Ava <script>", city: "New York" });
    const result = await testSend(db, ctx.actor, { id, contactId: contact.id.toString(), to: "qa@example.test" }, target(), links(ctx.workspace.id));
    expect(result.captured).toBe(true);

    const [listed] = await listOutboxMessages(db, ctx.workspace.id);
    expect(listed).toMatchObject({ to: "qa@example.test", subject: "Ava <script>, new picks for you this week" });
    const message = await getOutboxMessage(db, ctx.workspace.id, listed!.id);
    expect(message.messageId).toBe(result.messageId);
    expect(message.from).toContain("Acme Outfitters");
    expect(message.html).toContain("Ava &lt;script&gt;, this week");
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("SoHo store");
    expect(message.text).toContain("Hi Ava <script>,");
    const header = (name: string) => message.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    expect(header("List-Unsubscribe")).toBe(`<${unsubscribeUrl("https://tailor.example.com", "secret-for-tests-0123456789abcdef", ctx.workspace.id, contact.id.toString())}>`);
    expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header("Content-Type")).toMatch(/multipart\/alternative/);

    const audit = await db.auditLogEntry.findFirst({ where: { workspaceId: ctx.workspace.id, action: "email.test_sent", targetId: id } });
    expect(audit?.data).toMatchObject({ to: "qa@example.test", messageId: result.messageId });
  });

  it("files captured mail under the sending workspace only", async () => {
    const other = await emailWorkspace(db);
    const { id } = await makeTemplate(db, other.actor, "welcome", "Theirs");
    await testSend(db, other.actor, { id, to: "them@example.test" }, target(), links(other.workspace.id));
    expect((await listOutboxMessages(db, other.workspace.id)).map((m) => m.to)).toEqual(["them@example.test"]);
    expect((await listOutboxMessages(db, ctx.workspace.id)).map((m) => m.to)).not.toContain("them@example.test");
  });

  it("refuses to send an email with blocking issues, or without an SMTP server", async () => {
    const { id } = await makeTemplate(db, ctx.actor, "welcome");
    const broken = starterJson("welcome");
    broken.subject = "{% if %}";
    const refused = await testSend(db, ctx.actor, { id, document: broken, to: "qa@example.test" }, target(), links(ctx.workspace.id)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).code).toBe("BAD_REQUEST");
    const unconfigured = await testSend(db, ctx.actor, { id, to: "qa@example.test" }, null, links(ctx.workspace.id)).catch((e: unknown) => e);
    expect((unconfigured as UserFacingError).message).toMatch(/SMTP_URL/);
  });
});
