import { expect, test } from "@playwright/test";
import { MARKETER, expectAccessible, signIn, snap } from "./support";

test("a marketer starts a job that runs in the worker, and watches its progress", async ({ page }) => {
  await signIn(page, MARKETER);
  await page.goto("/settings/jobs");
  await page.getByLabel("Steps").fill("abc");
  await expect(page.getByText("Enter a whole number from 1 to 1000")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run demo job" })).toBeDisabled();
  await page.getByLabel("Steps").fill("8");
  await page.getByRole("button", { name: "Run demo job" }).click();

  const run = page.getByTestId("job-run").first();
  const bar = run.getByRole("progressbar");
  // Progress is visible part-way, then the run completes.
  await expect(bar).not.toHaveAttribute("aria-valuenow", "0", { timeout: 20_000 });
  await snap(page, "job-running");
  await expect(run.getByText("succeeded")).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(run).toContainText("8 / 8");
  await expectAccessible(page);
  await snap(page, "job-succeeded");
});
