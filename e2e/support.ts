import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tailor-demo-2026";
export const ADMIN = "admin@example.com";
export const MARKETER = "marketer@example.com";
export const MANAGER = "manager@example.com";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Fails on any serious or critical accessibility violation of WCAG 2 A/AA rules.
 * `frames: false` for pages that show an email in a sandboxed iframe: axe cannot run inside
 * one (no scripts), and its cross-frame run then fails, so the page is checked without it.
 */
export async function expectAccessible(page: Page, { frames = true }: { frames?: boolean } = {}) {
  const builder = frames
    ? new AxeBuilder({ page }).withTags(WCAG_TAGS)
    : new AxeBuilder({ page }).setLegacyMode().options({ runOnly: { type: "tag", values: WCAG_TAGS }, iframes: false });
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
