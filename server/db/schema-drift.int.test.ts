import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, runSql, type ScratchDatabase } from "../../tests/db/scratch-database";
import { TYPE_MAPPING_MIGRATION, TYPE_MAPPING_SCHEMA } from "../../tests/db/type-mapping-fixture";
import { migrateDatabase } from "./migrate";
import { diffSchemas, expectedShapeFromSchema, readDatabaseShape, type SchemaShape } from "./schema-drift";

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

let schemaText: string;
let expected: SchemaShape;

beforeAll(async () => {
  schemaText = await readFile(SCHEMA_PATH, "utf8");
  expected = await expectedShapeFromSchema(schemaText);
});

describe("the migrated database", () => {
  it("matches schema.prisma: tables, columns, types, nullability, enums, keys and indexes", async () => {
    const actual = await readDatabaseShape(databaseUrl());
    expect(diffSchemas(expected, actual)).toEqual([]);
  });
});

describe("a database altered behind schema.prisma's back", () => {
  let scratch: ScratchDatabase;
  let differences: string[];

  beforeAll(async () => {
    scratch = await createScratchDatabase("tailor_drift");
    await migrateDatabase(scratch.url);
    await runSql(
      scratch.url,
      `drop index audit_log_entry_workspace_id_created_at_idx;
       alter table job_run alter column progress_total set not null;
       alter table job_run alter column progress_done drop not null;
       alter table job_run alter column attempts type bigint;
       alter table job_run alter column task set default 'import';
       alter table workspace add column color text;
       alter table membership drop constraint membership_user_id_fkey;
       alter table membership add constraint membership_user_id_fkey
         foreign key (user_id) references "user"(id) on delete restrict on update cascade;
       drop index membership_workspace_id_user_id_key;
       create index membership_workspace_id_user_id_idx on membership(workspace_id, user_id);
       create index job_run_status_idx on job_run(status) where status = 'running';
       alter type "JobStatus" add value 'cancelled';
       create table scratch_notes (id integer primary key)`,
    );
    differences = diffSchemas(expected, await readDatabaseShape(scratch.url));
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it("reports a dropped index by its table and ordered columns", () => {
    expect(differences).toContain("missing index on audit_log_entry(workspace_id, created_at DESC)");
  });

  it("reports a required column made nullable", () => {
    expect(differences).toContain(
      "table job_run: column progress_done is nullable in the database but required in schema.prisma",
    );
  });

  it("reports an optional column made NOT NULL", () => {
    expect(differences).toContain(
      "table job_run: column progress_total is required in the database but optional in schema.prisma",
    );
  });

  it("reports a changed column type", () => {
    expect(differences).toContain(
      "table job_run: column attempts has type bigint in the database but integer in schema.prisma",
    );
  });

  it("reports a default the schema does not declare", () => {
    expect(differences).toContain("table job_run: column task has a default in the database but none in schema.prisma");
  });

  it("reports a column added only to the database", () => {
    expect(differences).toContain("table workspace: extra column color");
  });

  it("reports a foreign key whose on-delete action changed", () => {
    expect(differences).toContain(
      "foreign key membership(user_id) references user(id): on delete is RESTRICT in the database but CASCADE in schema.prisma",
    );
  });

  it("reports a unique index replaced by a plain one", () => {
    expect(differences).toContain(
      "index on membership(workspace_id, user_id) (membership_workspace_id_user_id_idx) is not unique in the database but unique in schema.prisma",
    );
  });

  it("reports a partial index created by raw SQL, unless it is allow-listed", async () => {
    expect(differences.filter((difference) => difference.includes("job_run_status_idx"))).toEqual([
      "extra index on job_run(status) where (status = 'running'::\"JobStatus\") named job_run_status_idx",
    ]);
    const allowListed = diffSchemas(expected, await readDatabaseShape(scratch.url), [
      { name: "job_run_status_idx", why: "dashboards poll running jobs" },
    ]);
    expect(allowListed.filter((difference) => difference.includes("job_run_status_idx"))).toEqual([]);
  });

  it("reports an enum value added only to the database", () => {
    expect(differences).toContain("enum JobStatus: extra value cancelled");
  });

  it("reports a table created only in the database", () => {
    expect(differences).toContain("extra table scratch_notes");
  });

  it("reports nothing it was not told about", () => {
    expect(differences).toHaveLength(11);
  });
});

describe("a schema.prisma changed without a migration", () => {
  let differences: string[];

  beforeAll(async () => {
    const changed = schemaText
      .replace("  slug        String          @unique\n", "  slug        String          @unique\n  color       String\n")
      .replace("  message     String?\n", "  message     String\n")
      .replace("  failed\n}", "  failed\n  cancelled\n}")
      .replace("  @@index([workspaceId, createdAt(sort: Desc)])\n  @@map(\"job_run\")", "  @@index([workspaceId, createdAt(sort: Desc)])\n  @@index([status])\n  @@map(\"job_run\")")
      .concat('\nmodel DriftProbe {\n  id   String @id @db.Uuid\n  name String\n\n  @@map("drift_probe")\n}\n');
    expect(changed).not.toBe(schemaText);
    differences = diffSchemas(await expectedShapeFromSchema(changed), await readDatabaseShape(databaseUrl()));
  });

  it("reports a field with no column", () => {
    expect(differences).toContain("table workspace: missing column color");
  });

  it("reports a field made required whose column is still nullable", () => {
    expect(differences).toContain("table job_run: column message is nullable in the database but required in schema.prisma");
  });

  it("reports an enum value with no database counterpart", () => {
    expect(differences).toContain("enum JobStatus: missing value cancelled");
  });

  it("reports an index with no database counterpart", () => {
    expect(differences).toContain("missing index on job_run(status)");
  });

  it("reports a model with no table", () => {
    expect(differences).toContain("missing table drift_probe");
  });

  it("reports nothing else", () => {
    expect(differences).toHaveLength(5);
  });
});

describe("a database built by Prisma-generated SQL", () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase("tailor_mapping");
    await runSql(scratch.url, TYPE_MAPPING_MIGRATION);
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it("agrees with its schema for every type, key, index method and referential action", async () => {
    const expectedMapping = await expectedShapeFromSchema(TYPE_MAPPING_SCHEMA);
    expect(diffSchemas(expectedMapping, await readDatabaseShape(scratch.url), [])).toEqual([]);
  });

  it("ignores tables in other schemas, partitions, and _prisma_migrations", async () => {
    await runSql(
      scratch.url,
      `create schema queue;
       create table queue.jobs (id integer primary key);
       create table "_prisma_migrations" (id varchar(36) primary key);
       create table events (id bigint not null, at date not null) partition by range (at);
       create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01')`,
    );
    const expectedMapping = await expectedShapeFromSchema(TYPE_MAPPING_SCHEMA);
    expect(diffSchemas(expectedMapping, await readDatabaseShape(scratch.url), [])).toEqual(["extra table events"]);
  });
});
