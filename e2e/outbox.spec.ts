import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

/** Calls a tRPC mutation as the signed-in user (superjson envelope, same-origin like the app). */
async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin, "content-type": "application/json" } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test("a test send goes over SMTP to the local capture server and shows in the Outbox with its HTML, text and headers", async ({ page, browser }) => {
  await signIn(page, MARKETER);
  const name = `Outbox check ${Date.now().toString(36)}`;
  const { id } = await trpcMutation<{ id: string }>(page, "emails.create", { name, starter: "newsletter" });
  const sent = await trpcMutation<{ messageId: string; captured: boolean }>(page, "emails.testSend", { id, to: "qa-team@example.com" });
  expect(sent.captured).toBe(true);

  await page.goto("/emails/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "qa-team@example.com" }).first();
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await snap(page, "outbox-list");

  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/emails\/outbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("new picks for you this week");
  const frame = page.frameLocator("iframe[title^='HTML part']");
  await expect(frame.getByText("Picked for you")).toBeVisible();
  await expect(page.locator("iframe[title^='HTML part']")).toHaveAttribute("sandbox", "");
  await expect(page.getByLabel("Text part")).toContainText("this week");
  const headers = page.getByRole("table", { name: "Message headers" });
  await expect(headers.getByRole("row").filter({ hasText: "List-Unsubscribe" }).first()).toContainText("/u/");
  await expect(headers.getByRole("row").filter({ hasText: /^Subject/ }).first()).toContainText("new picks for you this week");
  await expectAccessible(page, { frames: false });
  await snap(page, "outbox-message");

  // A manager reads the outbox too, but cannot send.
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, MANAGER);
  await managerPage.goto("/emails/outbox");
  await expect(managerPage.getByRole("row").filter({ hasText: "qa-team@example.com" }).first()).toBeVisible();
  const origin = new URL(managerPage.url()).origin;
  const refused = await managerPage.request.post("/api/trpc/emails.testSend", { data: { json: { id, to: "qa-team@example.com" } }, headers: { origin, "content-type": "application/json" } });
  expect(refused.status()).toBe(403);
  await managerContext.close();
});
