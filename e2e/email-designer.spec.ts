import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, MANAGER, MARKETER, signIn, snap } from "./support";

const NAME = `Weekly picks ${Date.now()}`;
const TOKEN = '{{ contact.first_name | default: "there" }}';

const canvasBlocks = (page: Page) => page.getByRole("list", { name: "Email blocks" }).locator(":scope > li");
const blockOrder = (page: Page) => canvasBlocks(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-block-id")));
const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|Not saved|Version saved|All changes/ });

test.describe.configure({ mode: "serial" });

test("a marketer designs an email from the newsletter starter, previews it as a contact and sends a test", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, MARKETER);
  await page.goto("/emails");
  await expect(page.getByRole("heading", { level: 1, name: "Emails" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, "emails-list");

  await page.getByLabel("Name").fill(NAME);
  await page.getByRole("radio", { name: "Product recommendations newsletter" }).check();
  await page.getByRole("button", { name: "Create email" }).click();
  await expect(page).toHaveURL(/\/emails\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(canvasBlocks(page)).toHaveCount(11);
  await expectAccessible(page);
  await snap(page, "email-designer");

  // Add a heading from the palette: it lands before the footer and is selected.
  await page.getByRole("button", { name: "Add Heading" }).click();
  await expect(page.getByRole("heading", { name: "Heading block" })).toBeVisible();
  expect((await blockOrder(page)).slice(-3)).toEqual(["rule", "heading-1", "footer"]);

  // Reorder it with the keyboard.
  const heading = page.locator('li[data-block-id="heading-1"]');
  await heading.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(async () => (await blockOrder(page)).slice(-3)).toEqual(["heading-1", "rule", "footer"]);
  await expect(heading).toBeFocused();

  // Edit its text with a token from the picker.
  const text = page.getByLabel("Heading text", { exact: true });
  await text.fill("Hello ");
  await page.getByRole("button", { name: "Insert a token into Heading text" }).click();
  await page.getByLabel("Variable").selectOption("contact.first_name");
  await expect(page.getByLabel("Fallback when empty")).toHaveValue("there");
  await page.getByRole("button", { name: "Insert token" }).click();
  await expect(text).toHaveValue(`Hello ${TOKEN}`);
  await expect(heading).toContainText(TOKEN);
  await expect(saveStatus(page)).toHaveText(/^Saved · \d/, { timeout: 10_000 });

  // A broken Liquid tag: the issue names line and column, and the block is highlighted.
  await text.fill("Hello {% if contact.city %}friend");
  const issues = page.getByRole("region", { name: /^Issues/ });
  const issue = page.getByRole("button", { name: /Error · Block heading-1, line 1:\d+/ });
  await expect(issue).toBeVisible({ timeout: 10_000 });
  await expect(heading).toHaveAttribute("data-issues", "error");
  await page.getByRole("button", { name: "Close block settings" }).click();
  await issue.click();
  await expect(heading).toHaveAttribute("aria-current", "true");
  await expect(heading).toBeFocused();
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(saveStatus(page)).toHaveText(/Not saved: Fix th/);
  await snap(page, "email-designer-issue");

  // Fixed: the highlight goes, and the version saves.
  await text.fill(`Hello ${TOKEN}`);
  await expect(heading).not.toHaveAttribute("data-issues", "error", { timeout: 10_000 });
  await expect(issues).not.toContainText("heading-1");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(saveStatus(page)).toHaveText(/^Version saved · \d/);

  // Undo and redo by keyboard.
  await heading.focus();
  await page.keyboard.press("Delete");
  await expect(heading).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(heading).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(heading).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(heading).toHaveCount(1);

  // Preview as a real contact at mobile width, with each block's reason to show or hide.
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByLabel("Find a contact").fill("a");
  await page.getByRole("list", { name: "Matching contacts" }).getByRole("button").first().click();
  await page.getByRole("button", { name: "Mobile (375 px)" }).click();
  const frame = page.locator('iframe[title="Email preview, mobile width"]');
  await expect(frame).toBeVisible();
  expect(await frame.evaluate((element) => element.getBoundingClientRect().width)).toBe(375);
  await expect(frame).toHaveAttribute("sandbox", "");
  const visibility = page.getByRole("region", { name: /Blocks for this contact on mobile/ });
  await expect(visibility.getByText("Hidden").first()).toBeVisible();
  await expect(visibility.locator("li", { hasText: "app-banner" })).toContainText("Shown");
  await snap(page, "email-preview-mobile");
  await page.getByRole("button", { name: "Desktop (600 px)" }).click();
  await expect(visibility).toHaveCount(0);
  await expect(page.getByRole("region", { name: /Blocks for this contact on desktop/ }).locator("li", { hasText: "app-banner" })).toContainText("Mobile only");
  await page.getByRole("button", { name: "HTML source" }).click();
  await expect(page.getByLabel("HTML source")).toContainText("<html");
  // Scanned without the rendered email: axe cannot enter the script-less sandboxed iframe.
  await expectAccessible(page);
  await page.getByRole("button", { name: "Plain text" }).click();
  await expect(page.getByLabel("Plain text")).toContainText("Unsubscribe");
  await page.getByRole("button", { name: "Use a generated sample instead" }).click();
  await expect(page.getByText("a generated sample contact", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Random contact" }).click();
  await expect(page.getByRole("button", { name: "Use a generated sample instead" })).toBeVisible();
  await expect(page.getByText("a generated sample contact", { exact: true })).toHaveCount(0);

  // Send a test and find it in the Outbox.
  await page.getByRole("button", { name: "Send a test…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send a test email" });
  await dialog.getByLabel("Send to").fill("qa@example.com");
  await dialog.getByRole("button", { name: "Send test" }).click();
  await expect(dialog.getByText(/^Sent \(message/)).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await snap(page, "email-test-send");
  await dialog.getByRole("link", { name: "open the Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("table").getByText(/new picks for you this week/).first()).toBeVisible();
});

test("a marketer nests show-if groups, moves blocks across columns without dragging and counts empty tokens", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, MARKETER);
  await page.goto("/emails");
  await page.getByLabel("Name").fill(`Columns and conditions ${Date.now()}`);
  await page.getByRole("radio", { name: "Product recommendations newsletter" }).check();
  await page.getByRole("button", { name: "Create email" }).click();
  await expect(page).toHaveURL(/\/emails\/[0-9a-f-]{36}$/);
  await expect(canvasBlocks(page)).toHaveCount(11);

  // Empty-token counts, cart tokens included, for the whole audience.
  await page.getByLabel("Subject", { exact: true }).fill("Your cart: {{ cart.total }}");
  const tokens = page.getByRole("region", { name: "Tokens and empty values" });
  await expect(tokens.getByRole("row", { name: /cart\.total/ })).toContainText(/\d+ of \d+/, { timeout: 20_000 });
  await expect(tokens.getByRole("row", { name: /contact\.first_name/ })).toContainText(/\d+ of \d+/);
  await snap(page, "email-empty-tokens");

  // Move a block to the other column with the side panel's button, then undo and redo it.
  const column = (n: number) => page.getByRole("list", { name: `Column ${n}` });
  const pointsText = page.locator('li[data-block-id="points-text"]');
  await pointsText.click();
  await page.getByRole("button", { name: "Move to column 2" }).click();
  await expect(column(2).locator('li[data-block-id="points-text"]')).toHaveCount(1);
  await expect(column(1).locator("li")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(column(1).locator('li[data-block-id="points-text"]')).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(column(2).locator('li[data-block-id="points-text"]')).toHaveCount(1);

  // And with the keyboard: Alt+← takes the focused button block to column 1, focus follows it.
  const pointsButton = page.locator('li[data-block-id="points-button"]');
  await pointsButton.focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(column(1).locator('li[data-block-id="points-button"]')).toHaveCount(1);
  await expect(pointsButton).toBeFocused();
  await page.getByRole("button", { name: "Move out of the columns" }).click();
  await expect.poll(async () => (await blockOrder(page)).slice(5, 7)).toEqual(["points", "points-button"]);
  await snap(page, "email-column-moves");

  // A nested, negated OR group in the VIP block's show-if condition.
  await page.locator('li[data-block-id="vip"]').click();
  const showIf = page.getByRole("group", { name: "Segment conditions" });
  await showIf.getByRole("button", { name: "Add group", exact: true }).click();
  const group = showIf.getByRole("group", { name: "Group 2" });
  await group.getByRole("group", { name: "Combine group 2 with" }).getByRole("button", { name: "ANY (OR)" }).click();
  await group.getByLabel("NOT (exclude contacts matching group 2)").check();
  const first = group.getByRole("group", { name: "condition 2.1" });
  await expect(first.getByRole("alert")).toContainText(/Enter/, { timeout: 10_000 });
  await first.getByLabel("Value of country").fill("US");
  await expect(first.getByRole("alert")).toHaveCount(0, { timeout: 10_000 });
  await group.getByRole("button", { name: "Add condition to group 2" }).click();
  const second = group.getByRole("group", { name: "condition 2.2" });
  await second.getByLabel("Contact field").fill("city");
  await second.getByLabel("Value of city").fill("Paris");
  await expect(saveStatus(page)).toHaveText(/^Saved · \d/, { timeout: 10_000 });
  await expect(page.locator('li[data-block-id="vip"]')).not.toHaveAttribute("data-issues", "error");
  await expectAccessible(page);
  await snap(page, "email-show-if-nested");

  // The preview decides the nested group for a contact and says so.
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("button", { name: "Random contact" }).click();
  const visibility = page.getByRole("region", { name: /Blocks for this contact on desktop/ });
  await expect(visibility.locator("li", { hasText: "vip" })).toContainText("none of (whose country is US or whose city is Paris)", { timeout: 15_000 });
});

test("a marketer restores an earlier version of an email", async ({ page }) => {
  await signIn(page, MARKETER);
  await page.goto("/emails");
  await page.getByRole("link", { name: NAME }).click();
  const heading = page.locator('li[data-block-id="heading-1"]');
  await expect(heading).toHaveCount(1);
  const versions = page.getByRole("region", { name: "Version history" });
  await expect(versions).toContainText("Created");
  await versions.getByRole("listitem").filter({ hasText: "Created" }).getByRole("button", { name: /^Restore version/ }).click();
  await expect(heading).toHaveCount(0);
  await expect(versions.getByRole("listitem").first()).toContainText("Restored");
  await page.reload();
  await expect(canvasBlocks(page)).toHaveCount(11);
  await expect(heading).toHaveCount(0);
});

test("a manager previews an email but cannot change it", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/emails");
  await expect(page.getByRole("button", { name: "Create email" })).toHaveCount(0);
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByText("Read only: your role can preview but not edit.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Blocks to add" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save version" })).toHaveCount(0);
  await expect(page.getByLabel("Subject", { exact: true })).toBeDisabled();
  await page.locator('li[data-block-id="title"]').click();
  await expect(page.getByRole("heading", { name: "Heading block" })).toBeVisible();
  await expect(page.getByLabel("Heading text", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete block" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.locator('iframe[title="Email preview, desktop width"]')).toBeVisible();
  await expect(page.getByRole("button", { name: "Send a test…" })).toHaveCount(0);
  await snap(page, "email-designer-manager");
});
