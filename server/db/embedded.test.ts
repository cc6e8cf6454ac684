import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertReachableByPostgresUser, defaultSharedBuffers, findFreePort, portIsFree, sharedBuffersSetting, startEmbeddedPostgres } from "./embedded";

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

describe("the embedded server's cache", () => {
  const GB = 2 ** 30;
  it("is a quarter of the memory, between Postgres' default and 8GB", () => {
    expect(defaultSharedBuffers(24 * GB)).toBe("6144MB");
    expect(defaultSharedBuffers(2 * GB)).toBe("512MB");
    expect(defaultSharedBuffers(256 * 2 ** 20)).toBe("128MB");
    expect(defaultSharedBuffers(128 * GB)).toBe("8192MB");
  });

  it("takes a size asked for, and refuses what is not a size before it reaches the server's flags", () => {
    expect(sharedBuffersSetting("512MB")).toBe("512MB");
    expect(sharedBuffersSetting(undefined)).toBe(defaultSharedBuffers());
    expect(() => sharedBuffersSetting("1GB -c fsync=off")).toThrow(/takes a size like 512MB or 2GB/);
  });
});
