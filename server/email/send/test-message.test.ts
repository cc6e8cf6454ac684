import { describe, expect, it } from "vitest";
import { smtpTarget } from "./smtp-config";
import { testMessage } from "./test-message";

describe("the test message", () => {
  it("carries both parts, the sender name and one-click unsubscribe headers", () => {
    const message = testMessage(
      { subject: "Hi Ava", preheader: "", senderName: "Acme", html: "<p>Hi</p>", text: "Hi" },
      { from: "tailor@example.test", to: "qa@example.test", workspaceId: "ws-1", unsubscribeUrl: "https://t.example/u/7.sig" },
    );
    expect(message).toMatchObject({ from: { name: "Acme", address: "tailor@example.test" }, subject: "Hi Ava", html: "<p>Hi</p>", text: "Hi" });
    expect(message.headers).toMatchObject({ "List-Unsubscribe": "<https://t.example/u/7.sig>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Tailor-Workspace": "ws-1" });
  });
});

describe("where test emails go", () => {
  it("prefers SMTP_URL, falls back to the capture server, and is unset without either", () => {
    expect(smtpTarget({ SMTP_URL: "smtps://u:p@smtp.example.com:465", TAILOR_CAPTURE_SMTP_URL: "smtp://127.0.0.1:2525", APP_URL: "https://tailor.example.com" })).toEqual({
      url: "smtps://u:p@smtp.example.com:465",
      captured: false,
      from: "tailor@tailor.example.com",
    });
    expect(smtpTarget({ TAILOR_CAPTURE_SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "news@acme.example" })).toEqual({ url: "smtp://127.0.0.1:2525", captured: true, from: "news@acme.example" });
    expect(smtpTarget({})).toBeNull();
  });
});
