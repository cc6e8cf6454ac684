import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../server/db/embedded";

const root = path.resolve(import.meta.dirname, "../..");

function launch(env: Record<string, string>) {
  return spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/launch.ts", "--next", "start"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the launcher refuses clearly", () => {
  it("when DATABASE_URL names a database that does not exist, without printing the password", () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/no_such_database";
    const result = launch({ DATABASE_URL: url.toString(), PORT: "0" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('database "no_such_database" does not exist');
    expect(result.stderr).toContain("****");
    expect(result.stderr + result.stdout).not.toContain(`:${url.password}@`);
  });

  it("when the web port is already in use", async () => {
    const port = await findFreePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const result = launch({ DATABASE_URL: process.env.DATABASE_URL!, PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});
