import { expect, test } from "@playwright/test";
import { ADMIN, MANAGER, expectAccessible, signIn, snap } from "./support";

test("an admin in two workspaces switches between them", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/members");
  await expect(page.getByText("manager@example.com")).toBeVisible();
  await page.getByLabel("Workspace").selectOption({ label: "Northwind Books" });
  await expect(page.getByLabel("Workspace")).toHaveValue(/.+/);
  await expect(page.getByText("People who can work in Northwind Books")).toBeVisible();
  await expect(page.getByText("manager@example.com")).toHaveCount(0);
  await snap(page, "workspace-switched");
  await page.getByLabel("Workspace").selectOption({ label: "Acme Outfitters" });
  await expect(page.getByText("People who can work in Acme Outfitters")).toBeVisible();
});

test("a manager reads but cannot change anything", async ({ page }) => {
  await signIn(page, MANAGER);
  await expect(page.getByText("Manager (read-only)")).toBeVisible();
  await page.goto("/settings/members");
  await expect(page.getByText("Only admins of this workspace can see members")).toBeVisible();
  await page.goto("/settings/jobs");
  await expect(page.getByRole("heading", { name: "Recent jobs" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Run demo job" })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, "manager-jobs");

  // Calling the API directly is refused too.
  const response = await page.request.post("/api/trpc/jobs.startDemo", {
    data: { json: { steps: 3, stepMs: 10 } },
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(403);
  expect(JSON.stringify(await response.json())).toContain("Your role (manager) does not allow this");
});

test("mutations from another site are refused", async ({ page }) => {
  await signIn(page, ADMIN);
  const response = await page.request.post("/api/trpc/members.invite", {
    data: { json: { email: "evil@example.com", role: "admin" } },
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});
