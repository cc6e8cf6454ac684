import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

// The key `prisma migrate deploy` locks too, so our runner and Prisma's exclude each other.
const MIGRATION_LOCK_KEY = 72_707_369;

// A migration holding statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY on
// the big event tables) starts with this line and runs statement by statement, as Prisma runs it.
const NO_TRANSACTION_MARKER = "-- tailor:no-transaction";

export type MigrationResult = { applied: string[]; alreadyApplied: number };

type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum is the SHA-256 of the file's bytes, hex-encoded.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Splits plain DDL at semicolons that end a line; enough for index and table statements. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((part) => part.replace(/^\s*--.*$/gm, "").trim())
    .filter((part) => part.length > 0);
}

/**
 * Applies pending SQL migrations and records them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so Prisma's own CLI agrees wherever its schema engine exists.
 * A session advisory lock lets several processes start at once; only one migrates.
 */
export async function migrateDatabase(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"            VARCHAR(64) NOT NULL,
        "finished_at"         TIMESTAMPTZ,
        "migration_name"      VARCHAR(255) NOT NULL,
        "logs"                TEXT,
        "rolled_back_at"      TIMESTAMPTZ,
        "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `select migration_name, checksum, finished_at from "_prisma_migrations" where rolled_back_at is null`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back. ` +
          `Fix the database by hand, then mark it rolled back (prisma migrate resolve).`,
      );
    }
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query(
        `insert into "_prisma_migrations" (id, checksum, migration_name, started_at) values ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      const inTransaction = !migration.sql.trimStart().startsWith(NO_TRANSACTION_MARKER);
      try {
        if (inTransaction) {
          await client.query("begin");
          await client.query(migration.sql);
          await client.query("commit");
        } else {
          // One statement per query: a multi-statement string is an implicit transaction.
          for (const statement of splitStatements(migration.sql)) await client.query(statement);
        }
      } catch (error) {
        if (inTransaction) await client.query("rollback");
        const message = error instanceof Error ? error.message : String(error);
        await client.query(`update "_prisma_migrations" set logs = $2 where id = $1`, [id, message]);
        throw new Error(`Migration ${migration.name} failed: ${message}`);
      }
      await client.query(
        `update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1`,
        [id],
      );
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
