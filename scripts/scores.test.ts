import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdnowDirectory } from "../server/scoring/cdnow-files";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const scores = (...args: string[]) => execFileSync(tsx, ["scripts/scores.ts", ...args], { cwd: root, encoding: "utf8" }).trim().split("\n");

describe("npm run scores", () => {
  it("fit-bgnbd prints the fitted parameters and log-likelihood as one JSON line", () => {
    const lines = scores("fit-bgnbd", "--summary", path.join(cdnowDirectory(), "cdnow_customers_summary.csv"));
    expect(lines).toHaveLength(1);
    const fit = JSON.parse(lines[0]!);
    expect(Object.keys(fit)).toEqual(["model", "r", "alpha", "a", "b", "loglik", "converged"]);
    expect(fit).toMatchObject({ model: "bgnbd", r: expect.closeTo(0.243, 2), alpha: expect.closeTo(4.414, 2), converged: true });
    expect(fit.loglik).toBeCloseTo(-9582.43, 1);
  });

  it("fit-gamma-gamma prints p, q, gamma and the log-likelihood", () => {
    const [line] = scores("fit-gamma-gamma", "--summary", path.join(cdnowDirectory(), "cdnow_customers_summary_with_transactions.csv"));
    const fit = JSON.parse(line!);
    expect(Object.keys(fit)).toEqual(["model", "p", "q", "gamma", "loglik", "converged"]);
    expect(fit).toMatchObject({ model: "gamma-gamma", p: expect.closeTo(6.25, 2), q: expect.closeTo(3.74, 2), converged: true });
  });

  it("explains what is wrong and exits 1 on bad usage", () => {
    const run = spawnSync(tsx, ["scripts/scores.ts", "fit-bgnbd"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--summary FILE is required");
  });
});
