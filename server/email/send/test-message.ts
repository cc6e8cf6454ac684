import type { RenderedEmail } from "../recipient";

/** The header the capture server reads to file a message under the sending workspace. */
export const WORKSPACE_HEADER = "X-Tailor-Workspace";

export type TestMessageOptions = { from: string; to: string; workspaceId: string; unsubscribeUrl: string };

/** nodemailer's message for one rendered email: both parts, and one-click unsubscribe (RFC 8058). */
export function testMessage(rendered: RenderedEmail, options: TestMessageOptions) {
  return {
    from: { name: rendered.senderName, address: options.from },
    to: options.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: {
      [WORKSPACE_HEADER]: options.workspaceId,
      "List-Unsubscribe": `<${options.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Tailor-Test": "1",
    },
  };
}
