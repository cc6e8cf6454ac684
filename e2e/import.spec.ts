import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { MANAGER, MARKETER, expectAccessible, signIn, snap } from "./support";

const FIXTURE = path.resolve(import.meta.dirname, "../tests/fixtures/csv/contacts-e2e.csv");

test("a marketer imports contacts from a CSV file, with one bad row reported in the error file", async ({ page }) => {
  await signIn(page, MARKETER);
  await page.goto("/audience/import");
  await expect(page.getByRole("heading", { name: "Import CSV" })).toBeVisible();
  await page.getByLabel("Contacts", { exact: true }).check();
  await page.getByLabel("CSV file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Upload and preview" }).click();

  // Suggested from the headers; one is changed by hand.
  await expect(page.getByRole("heading", { name: "2. Check the columns" })).toBeVisible();
  await expect(page.getByLabel("email", { exact: true })).toHaveValue("email");
  await expect(page.getByLabel("first_name")).toHaveValue("first_name");
  await expect(page.getByLabel("loyalty tier")).toHaveValue("attribute:loyalty_tier");
  await page.getByLabel("city").selectOption("region");
  await expect(page.getByRole("cell", { name: "ruth@example.com" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, "import-mapping");

  await page.getByRole("button", { name: "Start import" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByText("1 row failed")).toBeVisible();
  await expect(page.getByText("3 rows imported")).toBeVisible();
  await expect(page.getByRole("cell", { name: '"not-an-email" is not a valid email address' })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the error file (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("contacts-e2e-errors.csv");
  const errorFile = await readFile((await download.path())!, "utf8");
  expect(errorFile.split("\r\n")).toEqual([
    "line,field,reason,raw",
    `4,email,"""not-an-email"" is not a valid email address","not-an-email,Tom,Doe,Hull,bronze"`,
    "",
  ]);

  const recent = page.getByRole("list", { name: "Recent imports" });
  await expect(recent.getByRole("listitem").first()).toContainText("3 imported · 1 failed");
  await expectAccessible(page);
  await snap(page, "import-done");
});

test("a manager sees imports but cannot upload or start one", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/audience/import");
  await expect(page.getByRole("list", { name: "Recent imports" })).toContainText("contacts-e2e.csv");
  await expect(page.getByRole("button", { name: "Upload and preview" })).toHaveCount(0);
  await page.getByRole("link", { name: "contacts-e2e.csv" }).first().click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await expectAccessible(page);
});
