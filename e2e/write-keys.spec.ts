import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

test("an admin creates a write key, sends an event with it, revokes it, and the key stops working", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Write keys" }).click();
  await expect(page.getByRole("heading", { name: "Write keys", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name")).toBeVisible();

  await page.getByLabel("Key name").fill("Web shop (e2e)");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New write key").inputValue();
  expect(key).toMatch(/^tlr_[\w-]{43}$/);
  const keys = page.getByRole("table", { name: "Write keys" });
  const row = keys.getByRole("row").filter({ hasText: "Web shop (e2e)" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Never");
  await expectAccessible(page);
  await snap(page, "write-keys-created");

  const sent = await page.request.post("/api/v1/track", {
    headers: { authorization: basic(key) },
    data: { userId: "e2e-shopper", messageId: `e2e-${Date.now()}`, event: "Product Viewed", properties: { sku: "TR-1" } },
  });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toEqual({ success: true });

  // Shown once: after a reload only the prefix remains, and the key was used.
  await page.reload();
  await expect(page.getByLabel("New write key")).toHaveCount(0);
  await expect(row).not.toContainText("Never");

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke Web shop (e2e)" }).click();
  await expect(page.getByText("Write key revoked.")).toBeVisible();
  await expect(row).toContainText("revoked");
  await snap(page, "write-keys-revoked");

  const refused = await page.request.post("/api/v1/track", {
    headers: { authorization: basic(key) },
    data: { userId: "e2e-shopper", messageId: `e2e-refused-${Date.now()}`, event: "Product Viewed" },
  });
  expect(refused.status()).toBe(401);

  await page.goto("/settings/audit");
  const log = page.getByRole("table", { name: "Audit log entries" });
  await expect(log.getByRole("row").filter({ hasText: "Created a write key" }).first()).toContainText("Web shop (e2e)");
  await expect(log.getByRole("row").filter({ hasText: "Revoked a write key" }).first()).toContainText("Web shop (e2e)");
});

for (const who of [MARKETER, MANAGER]) {
  test(`${who} sees no write key controls`, async ({ page }) => {
    await signIn(page, who);
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: "Background jobs" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Write keys" })).toHaveCount(0);
    await page.goto("/settings/write-keys");
    await expect(page.getByText("Only admins of this workspace can see write keys.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expectAccessible(page);
  });
}
