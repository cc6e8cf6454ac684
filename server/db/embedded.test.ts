import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertReachableByPostgresUser, findFreePort, portIsFree, startEmbeddedPostgres } from "./embedded";

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port, host: "127.0.0.1" }, () => resolve(server));
  });
}

const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

describe("startEmbeddedPostgres on a port that is already taken", () => {
  it("fails naming the port and the two ways out, before touching the data folder", async () => {
    const port = await findFreePort();
    const blocker = await listenOn(port);
    const dataDir = path.join(os.tmpdir(), `tailor-never-created-${port}`, "pg");
    try {
      const start = startEmbeddedPostgres({ dataDir, port, database: "tailor" });
      await expect(start).rejects.toThrow(new RegExp(`Port ${port} is already in use`));
      await expect(start).rejects.toThrow(/TAILOR_PG_PORT.*DATABASE_URL/);
      expect(existsSync(path.dirname(dataDir))).toBe(false);
    } finally {
      await close(blocker);
    }
  });
});

describe("portIsFree", () => {
  it("tells a taken port from a free one", async () => {
    const port = await findFreePort();
    expect(await portIsFree(port)).toBe(true);
    const server = await listenOn(port);
    try {
      expect(await portIsFree(port)).toBe(false);
    } finally {
      await close(server);
    }
  });
});

describe("assertReachableByPostgresUser", () => {
  it("names a folder on the way that other users cannot enter, and what to do", async () => {
    const privateDir = await mkdtemp(path.join(os.tmpdir(), "tailor-private-"));
    const inner = path.join(privateDir, "data");
    await mkdir(inner);
    try {
      await chmod(privateDir, 0o700);
      await expect(assertReachableByPostgresUser([inner])).rejects.toThrow(
        `cannot enter ${privateDir} (mode 700). Run \`chmod o+x ${privateDir}\``,
      );
      await chmod(privateDir, 0o755);
      await expect(assertReachableByPostgresUser([inner])).resolves.toBeUndefined();
    } finally {
      await rm(privateDir, { recursive: true, force: true });
    }
  });
});
