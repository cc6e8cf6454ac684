import { randomBytes } from "node:crypto";
import pg from "pg";

export type ScratchDatabase = { url: string; name: string; drop: () => Promise<void> };

/**
 * Creates an empty database on the server the integration tests use (DATABASE_URL), for tests
 * that need a database of their own: migrating from nothing, or breaking the schema on purpose.
 */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is not set; run this through the integration project");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await runAsAdmin(baseUrl, `create database "${name}"`);
  const url = withDatabase(baseUrl, name);
  return {
    url,
    name,
    // `with (force)` ends connections a failed test may have left open.
    drop: () => runAsAdmin(baseUrl, `drop database if exists "${name}" with (force)`),
  };
}

export async function runSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runAsAdmin(baseUrl: string, sql: string): Promise<void> {
  return runSql(withDatabase(baseUrl, "postgres"), sql);
}

function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
