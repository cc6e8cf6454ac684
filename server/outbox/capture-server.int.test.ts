import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, testDb } from "../../tests/factories";
import { startCaptureServer, type CaptureServer } from "./capture-server";

const db = testDb();
let capture: CaptureServer;

beforeAll(async () => {
  capture = await startCaptureServer(db);
});
afterAll(async () => {
  await capture.close();
  await db.$disconnect();
});

async function send(headers: Record<string, string>, subject: string) {
  const transport = nodemailer.createTransport(capture.url);
  try {
    return await transport.sendMail({ from: "a@example.test", to: ["b@example.test", "c@example.test"], subject, text: "plain", html: "<p>rich</p>", headers });
  } finally {
    transport.close();
  }
}

describe("the SMTP capture server", () => {
  it("listens on loopback only", () => {
    expect(capture.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
  });

  it("stores a message under the workspace its header names, with envelope, parts and headers", async () => {
    const workspace = await makeWorkspace(db);
    const info = await send({ "X-Tailor-Workspace": workspace.id }, "Captured for a workspace");
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { subject: "Captured for a workspace" } });
    expect(stored).toMatchObject({
      workspaceId: workspace.id,
      messageId: info.messageId,
      envelopeFrom: "a@example.test",
      envelopeTo: ["b@example.test", "c@example.test"],
      to: "b@example.test, c@example.test",
      html: "<p>rich</p>",
      text: "plain",
    });
    expect(stored.sizeBytes).toBeGreaterThan(100);
  });

  it("keeps mail whose workspace header is missing, malformed or unknown out of every workspace", async () => {
    await send({}, "No header");
    await send({ "X-Tailor-Workspace": "'; drop table outbox_message; --" }, "Malformed header");
    await send({ "X-Tailor-Workspace": "00000000-0000-4000-8000-000000000000" }, "Unknown workspace");
    const rows = await db.outboxMessage.findMany({ where: { subject: { in: ["No header", "Malformed header", "Unknown workspace"] } } });
    expect(rows.map((row) => row.workspaceId)).toEqual([null, null, null]);
  });
});
