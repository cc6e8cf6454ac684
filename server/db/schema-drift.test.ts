import { beforeAll, describe, expect, it } from "vitest";
import { TYPE_MAPPING_SCHEMA } from "../../tests/db/type-mapping-fixture";
import {
  diffSchemas,
  expectedShapeFromSchema,
  type ColumnShape,
  type ForeignKeyShape,
  type IndexShape,
  type SchemaShape,
} from "./schema-drift";

let shape: SchemaShape;

beforeAll(async () => {
  shape = await expectedShapeFromSchema(TYPE_MAPPING_SCHEMA);
});

const column = (name: string): ColumnShape | undefined =>
  shape.tables.find((table) => table.name === "account")?.columns.find((candidate) => candidate.name === name);

describe("expectedShapeFromSchema", () => {
  it("names tables, columns and enums as they are mapped", () => {
    expect(shape.tables.map((table) => table.name)).toEqual(["account", "Owner"]);
    expect(shape.enums).toEqual([{ name: "tier", values: ["free", "PAID"] }]);
  });

  it("spells column types the way format_type() does", () => {
    expect(column("id")?.type).toBe("bigint");
    expect(column("code")?.type).toBe("character varying(20)");
    expect(column("tiers")?.type).toBe('"tier"[]');
    expect(column("balance")?.type).toBe("numeric(65,30)");
    expect(column("score")?.type).toBe("double precision");
    expect(column("seen_at")?.type).toBe("timestamp(3) without time zone");
    expect(column("saved_at")?.type).toBe("timestamp(6) with time zone");
  });

  it("makes optional fields nullable and required ones NOT NULL", () => {
    expect(column("score")?.nullable).toBe(true);
    expect(column("seen_at")?.nullable).toBe(false);
  });

  it("expects a database default only where the database fills the value", () => {
    expect(column("id")?.default).toBe("present");
    expect(column("token")?.default).toBe("absent");
    expect(column("computed")?.default).toBe("unchecked");
    expect(column("seen_at")?.default).toBe("absent");
  });

  it("keeps Unsupported fields, which the DMMF leaves out", () => {
    expect(column("search_vector")).toEqual({ name: "search_vector", type: "tsvector", nullable: true, default: "absent" });
  });

  it("takes composite primary keys and index methods and sort orders", () => {
    expect(shape.tables.find((table) => table.name === "Owner")?.primaryKey).toEqual(["a", "b"]);
    expect(shape.indexes).toContainEqual({
      name: null,
      table: "account",
      columns: [
        { name: "code", descending: true },
        { name: "score", descending: false },
      ],
      unique: false,
      method: "btree",
      predicate: null,
    });
    expect(shape.indexes).toContainEqual(expect.objectContaining({ columns: [{ name: "score", descending: false }], method: "hash" }));
  });

  it("applies Prisma's default referential actions", () => {
    expect(shape.foreignKeys).toEqual([
      expect.objectContaining({ columns: ["owner_a", "owner_b"], referencedTable: "Owner", onDelete: "RESTRICT", onUpdate: "CASCADE" }),
      expect.objectContaining({ columns: ["parent_id"], referencedTable: "account", onDelete: "SET NULL", onUpdate: "CASCADE" }),
    ]);
  });
});

const index = (overrides: Partial<IndexShape>): IndexShape => ({
  name: null,
  table: "contact",
  columns: [{ name: "email", descending: false }],
  unique: false,
  method: "btree",
  predicate: null,
  ...overrides,
});

const foreignKey = (overrides: Partial<ForeignKeyShape>): ForeignKeyShape => ({
  name: null,
  table: "contact",
  columns: ["workspace_id"],
  referencedTable: "workspace",
  referencedColumns: ["id"],
  onDelete: "CASCADE",
  onUpdate: "CASCADE",
  ...overrides,
});

const contactShape = (overrides: Partial<SchemaShape>): SchemaShape => ({
  tables: [
    {
      name: "contact",
      columns: [{ name: "id", type: "uuid", nullable: false, default: "present" }],
      primaryKey: ["id"],
    },
  ],
  enums: [],
  indexes: [],
  foreignKeys: [],
  ...overrides,
});

describe("diffSchemas", () => {
  it("matches indexes by what they cover, not by name", () => {
    const expected = contactShape({ indexes: [index({ name: null })] });
    const actual = contactShape({ indexes: [index({ name: "contact_email_custom_name" })] });
    expect(diffSchemas(expected, actual, [])).toEqual([]);
  });

  it("tells a GIN index from a B-tree one on the same columns", () => {
    const expected = contactShape({ indexes: [index({ method: "gin" })] });
    const actual = contactShape({ indexes: [index({ name: "contact_email_idx" })] });
    expect(diffSchemas(expected, actual, [])).toEqual([
      "missing gin index on contact(email)",
      "extra index on contact(email) named contact_email_idx",
    ]);
  });

  it("reports an allow-listed database-only index that no longer exists", () => {
    const allowList = [{ name: "contact_recent_idx", why: "partial index for the recent-contacts view" }];
    expect(diffSchemas(contactShape({}), contactShape({}), allowList)).toEqual([
      "database-only index contact_recent_idx is allow-listed but does not exist in the database",
    ]);
  });

  it("reports a primary key over other columns", () => {
    const actual = contactShape({});
    actual.tables[0] = { ...actual.tables[0]!, primaryKey: null };
    expect(diffSchemas(contactShape({}), actual, [])).toEqual([
      "table contact: primary key is (none) in the database but (id) in schema.prisma",
    ]);
  });

  it("reports foreign keys missing, extra and with other actions", () => {
    const expected = contactShape({
      foreignKeys: [foreignKey({}), foreignKey({ columns: ["owner_id"], referencedTable: "user", onDelete: "SET NULL" })],
    });
    const actual = contactShape({
      foreignKeys: [
        foreignKey({ name: "contact_workspace_id_fkey", onUpdate: "NO ACTION" }),
        foreignKey({ name: "contact_list_id_fkey", columns: ["list_id"], referencedTable: "list" }),
      ],
    });
    expect(diffSchemas(expected, actual, [])).toEqual([
      "foreign key contact(workspace_id) references workspace(id): on update is NO ACTION in the database but CASCADE in schema.prisma",
      "missing foreign key contact(owner_id) references user(id)",
      "extra foreign key contact(list_id) references list(id) named contact_list_id_fkey",
    ]);
  });

  it("ignores NOT NULL on list columns, as Prisma itself does", () => {
    const withTags = (nullable: boolean) =>
      contactShape({
        tables: [{ name: "contact", columns: [{ name: "tags", type: "text[]", nullable, default: "absent" }], primaryKey: null }],
      });
    expect(diffSchemas(withTags(true), withTags(false), [])).toEqual([]);
  });

  it("reports a missing enum and a missing table once, without their details", () => {
    const expected = contactShape({ enums: [{ name: "Channel", values: ["email"] }], indexes: [index({})] });
    expect(diffSchemas(expected, { tables: [], enums: [], indexes: [], foreignKeys: [] }, [])).toEqual([
      "missing enum Channel",
      "missing table contact",
    ]);
  });
});
