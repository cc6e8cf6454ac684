import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

// Playwright cannot download its browser here: use Debian's Chromium when present, else
// Playwright's own browser on machines that have one.
const debianChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // One server, one database: flows run in order so they can build on each other's data.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 800 },
    launchOptions: {
      executablePath: debianChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 800 } } }],
  webServer: {
    command: `node_modules/.bin/tsx scripts/launch.ts --next start --data-dir .data/e2e --fresh --seed --port ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      TAILOR_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      APP_URL: `http://localhost:${PORT}`,
      // The suite signs in more often than a person would; the production limit stays on.
      SIGN_IN_ATTEMPTS_PER_MINUTE: "100",
    },
  },
});
