import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, signIn, snap } from "./support";

test("an admin invites a marketer, who joins; the admin changes the role and reads the audit log", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "People in this workspace" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await page.getByLabel("Email address").fill("newbie@example.com");
  await page.getByLabel("Role", { exact: true }).selectOption("marketer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}/);
  await expect(page.getByText("newbie@example.com as Marketer")).toBeVisible();
  await snap(page, "members-invited");

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByText("You are invited to Acme Outfitters as Marketer")).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("Your name").fill("Nina Newbie");
  await invitee.getByLabel("Choose a password").fill("a-long-password-1");
  await invitee.getByLabel("Repeat the password").fill("a-different-one-2");
  await invitee.getByRole("button", { name: "Accept and create account" }).click();
  await expect(invitee.getByText("The passwords do not match")).toBeVisible();
  await invitee.getByLabel("Choose a password").fill("a-long-password-1");
  await invitee.getByLabel("Repeat the password").fill("a-long-password-1");
  await invitee.getByRole("button", { name: "Accept and create account" }).click();
  await expect(invitee.getByRole("heading", { name: "Audience" })).toBeVisible();
  await expect(invitee.getByText("Nina Newbie")).toBeVisible();
  await snap(invitee, "invitee-joined");

  // The same link cannot be used twice.
  await invitee.goto(link);
  await expect(invitee.getByText("This invitation was already used. Sign in instead.")).toBeVisible();
  await guest.close();

  await page.reload();
  await page.getByLabel("Role of Nina Newbie").selectOption("manager");
  await expect(page.getByText("Role changed to Manager (read-only).")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Role of Nina Newbie")).toHaveValue("manager");

  // The last admin cannot be demoted.
  await page.getByLabel("Role of Ada Admin").selectOption("marketer");
  await expect(page.getByRole("alert").filter({ hasText: "A workspace needs at least one admin" })).toBeVisible();
  await expect(page.getByLabel("Role of Ada Admin")).toHaveValue("admin");

  await page.goto("/settings/audit");
  const log = page.getByRole("table", { name: "Audit log entries" });
  await expect(log.getByRole("row").filter({ hasText: "Invited a member" }).first()).toContainText("newbie@example.com");
  await expect(log.getByRole("row").filter({ hasText: "Joined the workspace" }).first()).toContainText("Nina Newbie");
  await expect(log.getByRole("row").filter({ hasText: "Changed a role" }).first()).toContainText("marketer → manager");
  await expect(log.getByRole("row").filter({ hasText: "Signed in" }).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, "audit-log");
});

test("an unknown invitation link says so plainly", async ({ page }) => {
  await page.goto("/invite/this-token-does-not-exist-anywhere");
  await expect(
    page.getByRole("alert").filter({ hasText: "This invitation link is not valid. Ask your admin for a new one." }),
  ).toBeVisible();
});
