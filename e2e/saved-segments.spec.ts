import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Calls a tRPC mutation as the signed-in user (superjson envelope, same-origin like the app). */
async function trpcMutation(page: Page, path: string, input: unknown): Promise<unknown> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin, "content-type": "application/json" } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function memberCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("segment-member-count").textContent())!.trim();
  return Number(text.replaceAll(",", ""));
}

test("a marketer saves a segment from a template, refreshes it, exports its members and cannot delete it while another uses it; a manager only reads", async ({
  page,
  browser,
}) => {
  const name = `Lapsed customers ${Date.now().toString(36)}`;
  await signIn(page, MARKETER);
  await page.goto("/segments");
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New segment" })).toBeVisible();
  await expectAccessible(page);

  // The template is one click away; the builder (engineer B's page) saves it.
  await page.getByRole("list", { name: "Segment templates" }).getByRole("link", { name: /Lapsed/ }).click();
  await expect(page).toHaveURL(/\/segments\/new\?template=lapsed/);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/${UUID}$`));
  const segmentId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The first refresh was queued on save; then one on demand, followed through its job.
  // The page follows a refresh it sees pending; one the worker has not picked up yet shows after a reload.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("refresh-row")).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByTestId("refresh-progress")).toContainText("Refresh finished", { timeout: 30_000 });
  await expect(page.getByTestId("refresh-row")).toHaveCount(2);
  const members = await memberCount(page);
  expect(members).toBeGreaterThan(0);
  await expect(page.getByTestId("refresh-row").first()).toContainText(members.toLocaleString("en-US"));
  await expect(page.getByTestId("segment-size-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, "saved-segment-detail");

  // Export: a download named after the segment, with the header and one row per member.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${name.replaceAll(" ", "-")}-members.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("email,external_id,first_name,last_name,country,entered_at");
  expect(lines.length - 1).toBe(members);
  expect(lines[1]).toMatch(/^[^,]*@[^,]+,/);

  // Setup through the API (the builder's segment picker is engineer B's flow): a segment that uses this one.
  const usingName = `Lapsed, but not suppressed ${Date.now().toString(36)}`;
  await trpcMutation(page, "segments.create", {
    name: usingName,
    definition: { version: 1, root: { kind: "group", op: "and", children: [{ kind: "segment", segmentId, member: true }] } },
  });
  await page.reload();
  await expect(page.getByText("Used by", { exact: true }).locator("..").getByRole("link", { name: usingName })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Delete “${name}”?`);
  await dialog.getByRole("button", { name: "Delete segment" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`used by the segment "${usingName}"`);
  await expectAccessible(page);
  await snap(page, "saved-segment-delete-refused");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.goto("/segments");
  const row = page.getByTestId("segment-row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText(members.toLocaleString("en-US"));
  await expect(row.getByRole("link", { name: usingName })).toBeVisible();
  await snap(page, "saved-segments-list");

  // A manager reads everything and changes nothing.
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, MANAGER);
  await managerPage.goto("/segments");
  await expect(managerPage.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(managerPage.getByRole("link", { name: "New segment" })).toHaveCount(0);
  await expect(managerPage.getByRole("list", { name: "Segment templates" })).toHaveCount(0);
  await managerPage.goto(`/segments/${segmentId}`);
  await expect(managerPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(managerPage.getByTestId("segment-member-count")).toHaveText(members.toLocaleString("en-US"));
  await expect(managerPage.getByRole("link", { name: "Export CSV" })).toBeVisible();
  for (const control of ["Refresh now", "Delete"]) await expect(managerPage.getByRole("button", { name: control })).toHaveCount(0);
  await expect(managerPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expectAccessible(managerPage);
  await snap(managerPage, "saved-segment-manager");
  await managerContext.close();
});
