import { createHmac } from "node:crypto";

/**
 * The one-click unsubscribe link of a contact: the contact id and an HMAC of workspace and
 * contact, so the link cannot be forged for another contact. The /u/ route that honours it is
 * the consent issue's; the token format is fixed here.
 */
export function unsubscribeUrl(appUrl: string, secret: string, workspaceId: string, contactId: string): string {
  const signature = createHmac("sha256", secret).update(`unsubscribe:${workspaceId}:${contactId}`).digest("base64url").slice(0, 22);
  return `${appUrl.replace(/\/$/, "")}/u/${contactId}.${signature}`;
}
