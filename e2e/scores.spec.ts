import { expect, test } from "@playwright/test";
import { expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

test("a marketer runs scoring, reads every model's chart and sees a contact's scores", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, MARKETER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scores" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scores" })).toBeVisible();
  // The launcher queues a first run after seeding; Run now comes back once it has ended.
  const runNow = page.getByRole("button", { name: "Run now" });
  await expect(runNow).toBeEnabled({ timeout: 120_000 });
  await expectAccessible(page);
  await snap(page, "scores-before-run");

  await runNow.click();
  await expect(page.getByRole("progressbar", { name: "Scoring run progress" })).toBeVisible();
  await expect(page.getByText("Scoring run finished")).toBeVisible({ timeout: 180_000 });

  await expect(page.getByRole("heading", { name: "Last run" })).toBeVisible();
  await expect(page.getByText("Contacts scored")).toBeVisible();
  for (const title of [
    "RFM grid: recency × frequency",
    "RFM segment sizes",
    "Churn risk distribution",
    "Predicted CLV distribution",
    "Calibration: predicted vs observed",
    "Cluster sizes",
    "Best send hour distribution",
  ]) {
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }

  // The AUC in the ROC chart's title is the run's own validation figure.
  const auc = page.locator("dl > div").filter({ has: page.getByText("ROC AUC", { exact: true }) }).locator("dd");
  const aucText = (await auc.textContent())!.trim();
  expect(aucText).toMatch(/^0\.\d{3}$/);
  await expect(page.getByRole("heading", { name: `ROC curve (AUC ${aucText})` })).toBeVisible();
  await expect(
    page.getByText(
      new RegExp(`ranks a buyer above a non-buyer .* \\(AUC ${aucText.replace(".", "\\.")} over all contacts; among past buyers 0\\.\\d{3}, against 0\\.\\d{3} for the BG/NBD baseline\\)`),
    ),
  ).toBeVisible();

  const grid = page.getByRole("table", { name: /Recency by frequency grid of [\d,]+ contacts/ });
  await expect(grid.getByRole("rowheader", { name: "R 5" })).toBeVisible();
  // Rank-based quintiles: every frequency column holds buyers, even where most bought once.
  const cellTitles = await grid.locator("td").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title") ?? ""));
  for (const f of [1, 2, 3, 4, 5]) {
    const counts = cellTitles.filter((title) => title.includes(`, F ${f}:`)).map((title) => Number(/: ([\d,]+) contacts/.exec(title)![1]!.replaceAll(",", "")));
    expect(counts.reduce((sum, n) => sum + n, 0), `F ${f}`).toBeGreaterThan(0);
  }

  const sendHours = page.getByRole("figure", { name: "Best send hour distribution" });
  await sendHours.getByText("Show the data").click();
  const hourTable = sendHours.getByRole("table", { name: "Best send hour distribution" });
  await expect(hourTable.getByRole("columnheader", { name: "From own activity" })).toBeVisible();
  await expect(hourTable.getByRole("row")).toHaveCount(25);

  const churn = page.getByRole("figure", { name: "Churn risk distribution" });
  await churn.getByText("Show the data").click();
  await expect(churn.getByRole("table", { name: "Churn risk distribution" }).getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("table", { name: /Cluster profiles/ }).getByRole("rowheader", { name: "Cluster 1" })).toBeVisible();

  const history = page.getByRole("table", { name: "Scoring runs" });
  await expect(history.getByRole("row").nth(1)).toContainText("Succeeded");
  await expect(history.getByRole("row").nth(1)).toContainText("Started by hand");
  await expectAccessible(page);
  await snap(page, "scores-after-run");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audience" }).click();
  await page.getByRole("table", { name: "Contacts" }).getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Scores", exact: true })).toBeVisible();
  await expect(page.getByText(/^From the scoring run of /)).toBeVisible();
  const explanation = page.getByRole("list", { name: "Score explanation" });
  await expect(explanation.getByRole("listitem").first()).toHaveText(/(Expected [\d.]+ purchases? in the next 90 days|Has not bought yet)/);
  // Buyer or not, every contact has a purchase probability.
  await expect(explanation.getByText(/^\d+% chance of buying in the next 30 days\.$/)).toBeVisible();
  await expect(page.getByText("Churn risk", { exact: true })).toBeVisible();
  await expect(page.getByText("Best send hour", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await snap(page, "contact-scores");
});

test("a manager reads the scores without a Run now button", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/scores");
  await expect(page.getByRole("heading", { name: "Last run" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Churn risk distribution", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, "scores-manager");
});
