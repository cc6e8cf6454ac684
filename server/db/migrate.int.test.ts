import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../../tests/db/scratch-database";
import { MIGRATIONS_DIR, migrateDatabase } from "./migrate";

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
  rolled_back_at: Date | null;
};

async function migrationRows(databaseUrl: string): Promise<MigrationRow[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<MigrationRow>(
      `select migration_name, checksum, finished_at, applied_steps_count, logs, rolled_back_at
       from "_prisma_migrations" order by migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function tableExists(databaseUrl: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>("select to_regclass($1) is not null as found", [table]);
    return rows[0]?.found ?? false;
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations that a test may break without touching prisma/migrations. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tailor-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const migrationNames = async () =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const scratchDatabases: ScratchDatabase[] = [];
const tempDirs: string[] = [];

async function freshDatabase(): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase("tailor_migrate");
  scratchDatabases.push(scratch);
  return scratch;
}

afterAll(async () => {
  await Promise.all(scratchDatabases.map((scratch) => scratch.drop()));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("migrateDatabase on a fresh database", () => {
  let scratch: ScratchDatabase;
  let firstRun: Awaited<ReturnType<typeof migrateDatabase>>;

  beforeAll(async () => {
    scratch = await freshDatabase();
    firstRun = await migrateDatabase(scratch.url);
  });

  it("applies every migration, in order", async () => {
    expect(firstRun).toEqual({ applied: await migrationNames(), alreadyApplied: 0 });
  });

  it("records each migration the way prisma migrate deploy does", async () => {
    const rows = await migrationRows(scratch.url);
    const names = await migrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        checksum: createHash("sha256").update(file).digest("hex"),
        applied_steps_count: 1,
        logs: null,
        rolled_back_at: null,
      });
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it("applies nothing when run again", async () => {
    const names = await migrationNames();
    expect(await migrateDatabase(scratch.url)).toEqual({ applied: [], alreadyApplied: names.length });
    expect(await migrationRows(scratch.url)).toHaveLength(names.length);
  });
});

describe("two migrateDatabase calls racing on a fresh database", () => {
  it("both succeed and apply each migration exactly once", async () => {
    const scratch = await freshDatabase();
    const results = await Promise.all([migrateDatabase(scratch.url), migrateDatabase(scratch.url)]);
    const names = await migrationNames();
    expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
    expect((await migrationRows(scratch.url)).map((row) => row.migration_name)).toEqual(names);
  });
});

describe("a migration that fails", () => {
  const brokenName = "29991231000000_broken";
  let scratch: ScratchDatabase;
  let dir: string;

  beforeAll(async () => {
    scratch = await freshDatabase();
    dir = await copyOfMigrations();
    tempDirs.push(dir);
    await mkdir(path.join(dir, brokenName));
    await writeFile(
      path.join(dir, brokenName, "migration.sql"),
      "CREATE TABLE half_done (id INTEGER);\nSELECT * FROM no_such_table;\n",
    );
  });

  it("fails with an error naming the migration", async () => {
    await expect(migrateDatabase(scratch.url, dir)).rejects.toThrow(
      /Migration 29991231000000_broken failed: .*no_such_table/,
    );
  });

  it("rolls back the migration's statements", async () => {
    expect(await tableExists(scratch.url, "half_done")).toBe(false);
  });

  it("leaves an unfinished row carrying the error in its logs", async () => {
    const row = (await migrationRows(scratch.url)).find((candidate) => candidate.migration_name === brokenName);
    expect(row).toMatchObject({ finished_at: null, applied_steps_count: 0, rolled_back_at: null });
    expect(row?.logs).toMatch(/no_such_table/);
  });

  it("refuses the next run until the failure is resolved", async () => {
    await expect(migrateDatabase(scratch.url, dir)).rejects.toThrow(
      /Migration 29991231000000_broken failed earlier and was not rolled back.*prisma migrate resolve/,
    );
  });
});

describe("a migration edited after it was applied", () => {
  it("is refused with an error naming it", async () => {
    const scratch = await freshDatabase();
    const dir = await copyOfMigrations();
    tempDirs.push(dir);
    await migrateDatabase(scratch.url, dir);
    const [edited = ""] = await migrationNames();
    await appendFile(path.join(dir, edited, "migration.sql"), "\n-- edited afterwards\n");
    await expect(migrateDatabase(scratch.url, dir)).rejects.toThrow(
      `Migration ${edited} was changed after it was applied; add a new migration instead.`,
    );
  });
});

describe("a migration marked tailor:no-transaction", () => {
  it("runs statement by statement, so CREATE INDEX CONCURRENTLY works", async () => {
    const scratch = await freshDatabase();
    const dir = await copyOfMigrations();
    tempDirs.push(dir);
    await mkdir(path.join(dir, "29990101000000_concurrent_index"));
    await writeFile(
      path.join(dir, "29990101000000_concurrent_index", "migration.sql"),
      `-- tailor:no-transaction\n-- An index built without locking writes.\nCREATE INDEX CONCURRENTLY "workspace_name_idx" ON "workspace"("name");\n`,
    );
    const result = await migrateDatabase(scratch.url, dir);
    expect(result.applied).toContain("29990101000000_concurrent_index");
    expect(await tableExists(scratch.url, "workspace_name_idx")).toBe(true);
  });
});

describe("the event_rank migration on a database that already holds events", () => {
  it("ranks the stored events, newest first, so counts need not wait for the worker", async () => {
    const scratch = await freshDatabase();
    const before = await copyOfMigrations();
    tempDirs.push(before);
    const rankMigration = (await migrationNames()).find((name) => name.endsWith("_event_rank"))!;
    for (const name of await migrationNames()) if (name >= rankMigration) await rm(path.join(before, name), { recursive: true });
    await migrateDatabase(scratch.url, before);

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(`insert into workspace (id, name, slug) values (gen_random_uuid(), 'W', 'w') returning id`);
      const workspaceId = rows[0]!.id;
      const contact = await client.query<{ id: string }>(`insert into contact (workspace_id, email) values ($1, 'a@example.com') returning id`, [workspaceId]);
      await client.query(
        `insert into event (workspace_id, contact_id, type, name, occurred_at, message_id, source)
         select $1, $2, 'track', 'Product Viewed', timestamptz '2026-01-01' + make_interval(days => n), 'm' || n, 'api' from generate_series(1, 13) n`,
        [workspaceId, contact.rows[0]!.id],
      );
      await migrateDatabase(scratch.url);
      const ranks = await client.query<{ rank: number; day: number }>(
        `select rank, extract(day from occurred_at)::int as day from event_rank where contact_id = $1 order by rank`,
        [contact.rows[0]!.id],
      );
      expect(ranks.rows).toEqual(Array.from({ length: 11 }, (_, i) => ({ rank: i + 1, day: 14 - i })));
      const stale = await client.query<{ n: number }>("select count(*)::int as n from event_rank_stale");
      expect(stale.rows[0]!.n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
