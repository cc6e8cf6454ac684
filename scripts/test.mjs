// `npm test`: the whole suite — type-check, lint, unit, integration (real Postgres), production
// build and Playwright e2e in Chromium. Prints one summary line at the end.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureDependencies } from "./ensure-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
ensureDependencies(root);
const bin = (name) => path.join(root, "node_modules/.bin", name);
const results = path.join(root, "test-results");

const steps = [
  { name: "type-check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${results}/unit.json`], report: "unit.json" },
  { name: "integration", command: bin("vitest"), args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile=${results}/integration.json`], report: "integration.json" },
  { name: "build", command: "npm", args: ["run", "build"] },
  { name: "e2e", command: bin("playwright"), args: ["test"], report: "e2e.json" },
];

const only = process.argv.slice(2);
rmSync(results, { recursive: true, force: true });
let passed = 0;
let failed = 0;
const lines = [];
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.report ? countTests(path.join(results, step.report)) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  const ok = run.status === 0;
  lines.push(`${ok ? "ok  " : "FAIL"} ${step.name.padEnd(12)} ${seconds.padStart(6)} s${counts ? `  ${counts.passed} passed, ${counts.failed} failed` : ""}`);
  if (!ok) {
    if (!counts || counts.failed === 0) failed += 1;
    break;
  }
}
console.log(`\n${lines.join("\n")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && lines.every((l) => l.startsWith("ok")) ? 0 : 1);

function countTests(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) return { passed: report.numPassedTests, failed: report.numFailedTests };
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}
