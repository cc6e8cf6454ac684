import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, signIn, snap } from "./support";

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email").fill(ADMIN);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await snap(page, "sign-in-wrong-password");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin signs in, visits every area and signs out", async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/audience$/);
  await expect(page.getByRole("heading", { name: "Audience" })).toBeVisible();
  await snap(page, "home-audience");
  await expectAccessible(page);

  const built = new Set(["Segments", "Scores", "Emails"]);
  for (const area of ["Segments", "Scores", "Emails", "Campaigns", "Experiments", "Dashboards", "Consent"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: area }).click();
    await expect(page.getByRole("heading", { level: 1, name: area })).toBeVisible();
    await expect(page.getByText("This area is not built yet")).toBeVisible({ visible: !built.has(area) });
    await expect(page.getByRole("link", { name: area })).toHaveAttribute("aria-current", "page");
  }
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("link", { name: "Members" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/audience");
  await expect(page).toHaveURL(/\/sign-in/);

  // Both ends of the session are in the audit log.
  await signIn(page, ADMIN);
  await page.goto("/settings/audit");
  const log = page.getByRole("table", { name: "Audit log entries" });
  await expect(log.getByRole("row").filter({ hasText: "Signed out" }).first()).toContainText("Ada Admin");
});

test("an expired or forged session is sent back to sign in with a message", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "better-auth.session_token", value: "expired.token", url: baseURL! }]);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
  await expect(page.getByText("Your session has expired. Please sign in again.")).toBeVisible();
});

test("the navigation works from the keyboard", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Audience" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
});
