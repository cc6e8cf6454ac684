import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort, portIsFree, startEmbeddedPostgres } from "./embedded";

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
