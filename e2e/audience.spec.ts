import { expect, test } from "@playwright/test";
import { expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

test("a marketer searches the audience, edits a contact's attribute and records a consent withdrawal", async ({ page }) => {
  await signIn(page, MARKETER);
  await page.goto("/audience");
  await expect(page.getByRole("heading", { level: 1, name: "Audience" })).toBeVisible();
  const contacts = page.getByRole("table", { name: "Contacts" });
  await expect(page.getByText(/Showing 1–50 of 5,000 contacts/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Import CSV" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, "audience-list");

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Showing 51–100 of 5,000 contacts/)).toBeVisible();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByText(/Showing 1–50 of 5,000 contacts/)).toBeVisible();

  await page.getByRole("button", { name: /^Email/ }).click();
  await expect(contacts.locator('th[aria-sort="ascending"]')).toContainText("Email");
  await page.getByRole("button", { name: /^Last seen/ }).click();

  const email = (await contacts.getByRole("row").nth(1).getByRole("link").textContent())!.trim();
  await page.getByLabel("Search by email or name").fill(email.toUpperCase());
  await expect(page.getByText("Showing 1–1 of 1 contact", { exact: true })).toBeVisible();
  await contacts.getByRole("link", { name: email }).click();

  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Events" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Scores", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Edit attributes" }).click();
  await page.getByLabel("Value of plan").fill("enterprise");
  await page.getByLabel("New attribute name").fill("favourite_store");
  await page.getByLabel("New attribute value").fill("Berlin Mitte");
  await page.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByText("Attributes saved.")).toBeVisible();
  const attributes = page.getByRole("table", { name: "Custom attributes" });
  await expect(attributes.getByRole("row", { name: /plan/ })).toContainText("enterprise");
  await expect(attributes.getByRole("row", { name: /favourite_store/ })).toContainText("Berlin Mitte");

  await page.getByLabel("Purpose").selectOption("email_marketing");
  await page.getByLabel("New state").selectOption("withdrawn");
  await page.getByRole("button", { name: "Record consent change" }).click();
  await expect(page.getByText("Say why you record this change")).toBeVisible();
  await page.getByLabel("Reason").fill("Asked by phone to stop the newsletter");
  await page.getByRole("button", { name: "Record consent change" }).click();
  await expect(page.getByText("Email marketing: withdrawn — recorded.")).toBeVisible();
  const history = page.getByRole("table", { name: "Consent history" });
  const latest = history.getByRole("row").nth(1);
  await expect(latest).toContainText("Withdrawn");
  await expect(latest).toContainText("Asked by phone to stop the newsletter");
  await expect(latest).toContainText("Mia Marketer");
  await expect(page.getByText(/Emails will not be sent/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, "contact-consent-withdrawn");
});

test("the audience filters by suppression", async ({ page }) => {
  await signIn(page, MARKETER);
  await page.goto("/audience");
  await page.getByLabel("Suppressed").selectOption("yes");
  const contacts = page.getByRole("table", { name: "Contacts" });
  await expect(contacts.getByRole("row").nth(1)).toContainText("Suppressed");
  await contacts.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByText(/Emails will not be sent: suppressed/)).toBeVisible();
  await snap(page, "contact-suppressed");
});

test("a manager reads the audience and a contact without any edit control", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/audience");
  await expect(page.getByText(/Showing 1–50 of 5,000 contacts/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.getByRole("table", { name: "Contacts" }).getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Consent", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  for (const control of ["Edit profile", "Edit attributes", "Record consent change", "Suppress address"]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }
  await expectAccessible(page);
  await snap(page, "contact-manager-read-only");
});
