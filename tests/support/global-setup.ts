import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { migrateDatabase } from "../../server/db/migrate";
import { installQueueSchema } from "../../server/worker/queue";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// A throw-away cluster for the run, unless TEST_DATABASE_URL points at a Postgres to use.
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    await migrateDatabase(given);
    await installQueueSchema(given);
    project.provide("databaseUrl", given);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tailor-test-pg-"));
  const database = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "tailor_test",
  });
  await migrateDatabase(database.url);
  await installQueueSchema(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
