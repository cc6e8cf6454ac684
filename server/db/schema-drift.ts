// Detects drift between prisma/schema.prisma and a migrated database. Prisma's own drift check
// (`migrate diff`) needs the schema-engine binary, which our build environment cannot download,
// so the comparison is done here: both sides become a `SchemaShape` and `diffSchemas` lists
// every difference in words a reviewer can act on. Used by tests and tooling only, which is why
// @prisma/internals (for getDMMF) can stay a devDependency.
import internals from "@prisma/internals";
import pg from "pg";

/**
 * Indexes that exist only in the database, created by raw SQL in a migration because Prisma
 * cannot express them (partial indexes, expression indexes, GIN over jsonb with a custom
 * operator class, ...). Each entry names the index exactly as the migration creates it and says
 * why it exists; without an entry here the drift test reports the index as extra. An entry
 * whose index no longer exists is reported too, so the list cannot go stale. For example:
 *   { name: "contact_email_lower_idx", why: "ingest looks contacts up by lower(email)" }
 */
export const DATABASE_ONLY_INDEXES: readonly DatabaseOnlyIndex[] = [
  {
    name: "contact_search_trgm_idx",
    why: "trigram search over email and names (an expression index Prisma cannot declare)",
  },
];

export type DatabaseOnlyIndex = { name: string; why: string };

// Only `public` is Prisma's; graphile_worker and other schemas manage themselves.
const SCHEMA = "public";

export type SchemaShape = {
  tables: TableShape[];
  enums: EnumShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};
export type TableShape = { name: string; columns: ColumnShape[]; primaryKey: string[] | null };
/** `type` is spelled as Postgres' format_type() spells it; enum types are double-quoted. */
export type ColumnShape = { name: string; type: string; nullable: boolean; default: DefaultShape };
/** Default values are compared by presence only: pg_get_expr() renders them its own way. */
export type DefaultShape = "present" | "absent" | "unchecked";
export type EnumShape = { name: string; values: string[] };
/** `columns[].name` is an expression's text for expression indexes; `name` is null when unnamed. */
export type IndexShape = {
  name: string | null;
  table: string;
  columns: { name: string; descending: boolean }[];
  unique: boolean;
  method: string;
  predicate: string | null;
};
export type ReferentialAction = "CASCADE" | "SET NULL" | "SET DEFAULT" | "RESTRICT" | "NO ACTION";
export type ForeignKeyShape = {
  name: string | null;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

// ---------------------------------------------------------------------------------------------
// Expected shape, from schema.prisma

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type DatamodelField = Datamodel["models"][number]["fields"][number];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const withLength = (type: string, length: string | undefined) => (length ? `${type}(${length})` : type);

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  Char: ([length = "1"]) => `character(${length})`,
  VarChar: ([length]) => withLength("character varying", length),
  Bit: ([length = "1"]) => `bit(${length})`,
  VarBit: ([length]) => withLength("bit varying", length),
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Boolean: () => "boolean",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Oid: () => "oid",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: ([precision, scale = "0"]) => (precision ? `numeric(${precision},${scale})` : "numeric"),
  Money: () => "money",
  Timestamp: ([precision]) => `${withLength("timestamp", precision)} without time zone`,
  Timestamptz: ([precision]) => `${withLength("timestamp", precision)} with time zone`,
  Date: () => "date",
  Time: ([precision]) => `${withLength("time", precision)} without time zone`,
  Timetz: ([precision]) => `${withLength("time", precision)} with time zone`,
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

// Prisma Client fills these in itself; the database column has no default.
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

const PRISMA_ACTIONS: Record<string, ReferentialAction> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
};

export async function expectedShapeFromSchema(schemaText: string): Promise<SchemaShape> {
  const { datamodel } = await internals.getDMMF({ datamodel: schemaText });
  const shape = expectedShapeFromDatamodel(datamodel);
  for (const { model, column } of unsupportedColumns(schemaText)) {
    const dbName = datamodel.models.find((candidate) => candidate.name === model)?.dbName ?? model;
    shape.tables.find((table) => table.name === dbName)?.columns.push(column);
  }
  return shape;
}

/** Models placed in another Postgres schema (multiSchema) are left out, like the reader does. */
export function expectedShapeFromDatamodel(datamodel: Datamodel): SchemaShape {
  const models = datamodel.models.filter((model) => (model.schema ?? SCHEMA) === SCHEMA);
  const enumTypes = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (modelName: string, fieldName: string) => {
    const field = datamodel.models.find((model) => model.name === modelName)?.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const table = (modelName: string) => tableOf.get(modelName) ?? modelName;

  const tables = models.map((model): TableShape => {
    const id = datamodel.indexes.find((index) => index.model === model.name && index.type === "id");
    return {
      name: table(model.name),
      columns: model.fields
        .filter((field) => field.kind === "scalar" || field.kind === "enum")
        .map((field) => ({
          name: field.dbName ?? field.name,
          type: expectedColumnType(field, enumTypes),
          // Prisma creates list columns without NOT NULL (and never compares it); see diffColumns.
          nullable: field.isList || !field.isRequired,
          default: expectedDefault(field),
        })),
      primaryKey: id ? id.fields.map((field) => columnOf(model.name, field.name)) : null,
    };
  });

  const indexes = datamodel.indexes
    .filter((index) => index.type === "unique" || index.type === "normal")
    .filter((index) => models.some((model) => model.name === index.model))
    .map((index): IndexShape => ({
      name: index.dbName ?? null,
      table: table(index.model),
      columns: index.fields.map((field) => ({
        name: columnOf(index.model, field.name),
        descending: field.sortOrder === "desc",
      })),
      unique: index.type === "unique",
      // Prisma's BTree, Hash, Gist, Gin, SpGist and Brin are pg_am's names, capitalised.
      method: (index.algorithm ?? "BTree").toLowerCase(),
      predicate: null,
    }));

  const foreignKeys = models.flatMap((model) =>
    model.fields
      .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
      .map((field): ForeignKeyShape => ({
        name: null,
        table: table(model.name),
        columns: (field.relationFromFields ?? []).map((name) => columnOf(model.name, name)),
        referencedTable: table(field.type),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(field.type, name)),
        // Prisma's defaults: SetNull for optional relations, Restrict for required; Cascade on update.
        onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      })),
  );

  const enums = datamodel.enums.map((item) => ({
    name: item.dbName ?? item.name,
    values: item.values.map((value) => value.dbName ?? value.name),
  }));
  return { tables, enums, indexes, foreignKeys };
}

function expectedColumnType(field: DatamodelField, enumTypes: Map<string, string>): string {
  const base = field.kind === "enum" ? `"${enumTypes.get(field.type) ?? field.type}"` : scalarType(field);
  return field.isList ? `${base}[]` : base;
}

function scalarType(field: DatamodelField): string {
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const native = NATIVE_TYPES[name];
    if (!native) throw new Error(`schema-drift does not know the native type @db.${name} (field ${field.name})`);
    return native([...args]);
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`schema-drift does not know the Prisma type ${field.type} (field ${field.name})`);
  return type;
}

function expectedDefault(field: DatamodelField): DefaultShape {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return "absent";
  if (typeof value === "object" && !Array.isArray(value) && "name" in value) {
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return "absent";
    // dbgenerated() without an expression means "the database fills it" (trigger, generated column).
    if (value.name === "dbgenerated" && value.args.length === 0) return "unchecked";
  }
  return "present";
}

function referentialAction(prismaAction: string): ReferentialAction {
  const action = PRISMA_ACTIONS[prismaAction];
  if (!action) throw new Error(`schema-drift does not know the referential action ${prismaAction}`);
  return action;
}

// getDMMF leaves Unsupported("...") fields out, yet they are real columns (tsvector, vector, ...).
function unsupportedColumns(schemaText: string): { model: string; column: ColumnShape }[] {
  const found: { model: string; column: ColumnShape }[] = [];
  for (const [, model = "", body = ""] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields = body.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?|\[\])?([^\n]*)$/gm);
    for (const [, name = "", type = "", modifier, attributes = ""] of fields) {
      found.push({
        model,
        column: {
          name: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? name,
          type: `${type.toLowerCase()}${modifier === "[]" ? "[]" : ""}`,
          nullable: modifier !== undefined,
          default: /@default\(dbgenerated\(\)\)/.test(attributes)
            ? "unchecked"
            : attributes.includes("@default(")
              ? "present"
              : "absent",
        },
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Actual shape, from a live database's catalog

const IGNORED_TABLES = ["_prisma_migrations"];

const CATALOG_ACTIONS: Record<string, ReferentialAction> = {
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
  r: "RESTRICT",
  a: "NO ACTION",
};

// Partitions are left out: their parent is the table schema.prisma knows.
const TABLES_SQL = `
  select c.oid, c.relname as table_name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> all($2)`;

const COLUMNS_SQL = `
  with tables as (${TABLES_SQL})
  select tables.table_name, a.attname as column_name, not a.attnotnull as nullable,
    (a.atthasdef or a.attidentity <> '' or a.attgenerated <> '') as has_default,
    case when coalesce(elem.typtype, t.typtype) = 'e'
      then '"' || coalesce(elem.typname, t.typname) || '"' || case when elem.oid is null then '' else '[]' end
      else format_type(a.atttypid, a.atttypmod) end as type
  from tables
  join pg_attribute a on a.attrelid = tables.oid and a.attnum > 0 and not a.attisdropped
  join pg_type t on t.oid = a.atttypid
  left join pg_type elem on elem.oid = t.typelem and t.typcategory = 'A'
  order by tables.table_name, a.attnum`;

const CONSTRAINTS_SQL = `
  with tables as (${TABLES_SQL})
  select con.conname as name, con.contype as kind, tables.table_name,
    array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as columns,
    referenced.relname as referenced_table,
    array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord) as referenced_columns,
    con.confdeltype as on_delete, con.confupdtype as on_update
  from tables
  join pg_constraint con on con.conrelid = tables.oid and con.contype in ('p', 'f')
  left join pg_class referenced on referenced.oid = con.confrelid
  order by tables.table_name, con.conname`;

// Key columns only (indnkeyatts); an expression's text stands in for its column name.
const INDEXES_SQL = `
  with tables as (${TABLES_SQL})
  select i.relname as name, tables.table_name, ix.indisunique as unique, am.amname as method,
    pg_get_expr(ix.indpred, ix.indrelid) as predicate,
    array(select case when k.attnum = 0 then pg_get_indexdef(ix.indexrelid, k.ord::int, true) else a.attname::text end
          from unnest(ix.indkey::int2[]) with ordinality k(attnum, ord)
          left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum
          where k.ord <= ix.indnkeyatts order by k.ord) as columns,
    array(select (o.option & 1) = 1 from unnest(ix.indoption::int2[]) with ordinality o(option, ord)
          where o.ord <= ix.indnkeyatts order by o.ord) as descending
  from tables
  join pg_index ix on ix.indrelid = tables.oid and not ix.indisprimary
  join pg_class i on i.oid = ix.indexrelid
  join pg_am am on am.oid = i.relam
  order by tables.table_name, i.relname`;

const ENUMS_SQL = `
  select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as values
  from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
  where n.nspname = $1
  group by t.typname order by t.typname`;

type ColumnRow = { table_name: string; column_name: string; nullable: boolean; has_default: boolean; type: string };
type ConstraintRow = {
  name: string;
  kind: "p" | "f";
  table_name: string;
  columns: string[];
  referenced_table: string | null;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
};
type IndexRow = {
  name: string;
  table_name: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  columns: string[];
  descending: boolean[];
};

/** Reads the shape of the `public` schema of the database at `databaseUrl`. */
export async function readDatabaseShape(databaseUrl: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const params = [SCHEMA, IGNORED_TABLES];
    const tableRows = await client.query<{ table_name: string }>(TABLES_SQL, params);
    const columnRows = await client.query<ColumnRow>(COLUMNS_SQL, params);
    const constraintRows = await client.query<ConstraintRow>(CONSTRAINTS_SQL, params);
    const indexRows = await client.query<IndexRow>(INDEXES_SQL, params);
    const enumRows = await client.query<EnumShape>(ENUMS_SQL, [SCHEMA]);
    const constraints = constraintRows.rows;
    return {
      tables: tableRows.rows.map(({ table_name }) => ({
        name: table_name,
        columns: columnRows.rows
          .filter((row) => row.table_name === table_name)
          .map((row) => ({
            name: row.column_name,
            type: row.type,
            nullable: row.nullable,
            default: row.has_default ? "present" : "absent",
          })),
        primaryKey: constraints.find((row) => row.kind === "p" && row.table_name === table_name)?.columns ?? null,
      })),
      enums: enumRows.rows,
      indexes: indexRows.rows.map((row) => ({
        name: row.name,
        table: row.table_name,
        columns: row.columns.map((name, position) => ({ name, descending: row.descending[position] ?? false })),
        unique: row.unique,
        method: row.method,
        predicate: row.predicate,
      })),
      foreignKeys: constraints
        .filter((row) => row.kind === "f")
        .map((row) => ({
          name: row.name,
          table: row.table_name,
          columns: row.columns,
          referencedTable: row.referenced_table ?? "?",
          referencedColumns: row.referenced_columns,
          onDelete: CATALOG_ACTIONS[row.on_delete] ?? "NO ACTION",
          onUpdate: CATALOG_ACTIONS[row.on_update] ?? "NO ACTION",
        })),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The diff

/**
 * Lists every difference between the shape schema.prisma expects and the database's, one
 * sentence each; empty when they agree. "missing" means in schema.prisma but not in the
 * database, "extra" the reverse. Indexes and foreign keys are matched by what they cover
 * (table, ordered columns, sort order, uniqueness, method), never by name; operator classes and
 * default expressions are not compared.
 */
export function diffSchemas(
  expected: SchemaShape,
  actual: SchemaShape,
  databaseOnlyIndexes: readonly DatabaseOnlyIndex[] = DATABASE_ONLY_INDEXES,
): string[] {
  const sharedTables = new Set(
    expected.tables.map((table) => table.name).filter((name) => actual.tables.some((table) => table.name === name)),
  );
  return [
    ...diffEnums(expected.enums, actual.enums),
    ...diffTables(expected.tables, actual.tables),
    ...diffIndexes(
      expected.indexes.filter((index) => sharedTables.has(index.table)),
      actual.indexes.filter((index) => sharedTables.has(index.table)),
      databaseOnlyIndexes,
    ),
    ...diffForeignKeys(
      expected.foreignKeys.filter((key) => sharedTables.has(key.table)),
      actual.foreignKeys.filter((key) => sharedTables.has(key.table)),
    ),
    ...databaseOnlyIndexes
      .filter(({ name }) => !actual.indexes.some((index) => index.name === name))
      .map(({ name }) => `database-only index ${name} is allow-listed but does not exist in the database`),
  ];
}

function diffEnums(expected: EnumShape[], actual: EnumShape[]): string[] {
  const differences: string[] = [];
  for (const item of expected) {
    const found = actual.find((candidate) => candidate.name === item.name);
    if (!found) {
      differences.push(`missing enum ${item.name}`);
      continue;
    }
    for (const value of item.values.filter((value) => !found.values.includes(value))) {
      differences.push(`enum ${item.name}: missing value ${value}`);
    }
    for (const value of found.values.filter((value) => !item.values.includes(value))) {
      differences.push(`enum ${item.name}: extra value ${value}`);
    }
  }
  for (const item of actual.filter((candidate) => !expected.some((e) => e.name === candidate.name))) {
    differences.push(`extra enum ${item.name}`);
  }
  return differences;
}

function diffTables(expected: TableShape[], actual: TableShape[]): string[] {
  const differences: string[] = [];
  for (const table of sortByName(expected)) {
    const found = actual.find((candidate) => candidate.name === table.name);
    if (!found) differences.push(`missing table ${table.name}`);
    else differences.push(...diffColumns(table, found).map((difference) => `table ${table.name}: ${difference}`));
  }
  for (const table of sortByName(actual).filter((candidate) => !expected.some((e) => e.name === candidate.name))) {
    differences.push(`extra table ${table.name}`);
  }
  return differences;
}

function diffColumns(expected: TableShape, actual: TableShape): string[] {
  const differences: string[] = [];
  for (const column of expected.columns) {
    const found = actual.columns.find((candidate) => candidate.name === column.name);
    if (!found) {
      differences.push(`missing column ${column.name}`);
      continue;
    }
    if (found.type !== column.type) {
      differences.push(`column ${column.name} has type ${found.type} in the database but ${column.type} in schema.prisma`);
    }
    if (found.nullable !== column.nullable && !column.type.endsWith("[]")) {
      const [database, prisma] = column.nullable ? ["required", "optional"] : ["nullable", "required"];
      differences.push(`column ${column.name} is ${database} in the database but ${prisma} in schema.prisma`);
    }
    if (column.default !== "unchecked" && found.default !== column.default) {
      differences.push(
        column.default === "present"
          ? `column ${column.name} has no default in the database but has one in schema.prisma`
          : `column ${column.name} has a default in the database but none in schema.prisma`,
      );
    }
  }
  for (const column of actual.columns.filter((candidate) => !expected.columns.some((e) => e.name === candidate.name))) {
    differences.push(`extra column ${column.name}`);
  }
  const expectedKey = expected.primaryKey?.join(", ") ?? "none";
  const actualKey = actual.primaryKey?.join(", ") ?? "none";
  if (expectedKey !== actualKey) {
    differences.push(`primary key is (${actualKey}) in the database but (${expectedKey}) in schema.prisma`);
  }
  return differences;
}

function diffIndexes(
  expected: IndexShape[],
  actual: IndexShape[],
  databaseOnlyIndexes: readonly DatabaseOnlyIndex[],
): string[] {
  const unmatched = [...actual];
  const missing = expected.filter((index) => {
    const position = unmatched.findIndex((candidate) => indexSignature(candidate) === indexSignature(index));
    if (position >= 0) unmatched.splice(position, 1);
    return position < 0;
  });
  const allowed = new Set(databaseOnlyIndexes.map((index) => index.name));
  const extra = unmatched.filter((index) => !allowed.has(index.name ?? ""));
  const differences: string[] = [];
  for (const index of missing) {
    // The same columns with the other uniqueness is one difference, not a missing and an extra index.
    const twin = extra.findIndex((candidate) => indexSignature({ ...candidate, unique: index.unique }) === indexSignature(index));
    if (twin >= 0) {
      const [found] = extra.splice(twin, 1);
      const [database, prisma] = index.unique ? ["not unique", "unique"] : ["unique", "not unique"];
      differences.push(`${describeIndex({ ...index, unique: false })} (${found?.name}) is ${database} in the database but ${prisma} in schema.prisma`);
    } else {
      differences.push(`missing ${describeIndex(index)}`);
    }
  }
  for (const index of extra) differences.push(`extra ${describeIndex(index)} named ${index.name}`);
  return differences;
}

function indexSignature(index: IndexShape): string {
  return `${describeIndex(index)}|${index.predicate ?? ""}`;
}

function describeIndex(index: IndexShape): string {
  const columns = index.columns.map((column) => (column.descending ? `${column.name} DESC` : column.name)).join(", ");
  const kind = [index.unique ? "unique" : "", index.method === "btree" ? "" : index.method, "index"];
  const where = index.predicate ? ` where ${index.predicate}` : "";
  return `${kind.filter(Boolean).join(" ")} on ${index.table}(${columns})${where}`;
}

function diffForeignKeys(expected: ForeignKeyShape[], actual: ForeignKeyShape[]): string[] {
  const differences: string[] = [];
  const unmatched = [...actual];
  for (const key of expected) {
    const position = unmatched.findIndex((candidate) => describeForeignKey(candidate) === describeForeignKey(key));
    const found = position >= 0 ? unmatched.splice(position, 1)[0] : undefined;
    if (!found) {
      differences.push(`missing ${describeForeignKey(key)}`);
      continue;
    }
    for (const action of ["onDelete", "onUpdate"] as const) {
      if (found[action] !== key[action]) {
        const when = action === "onDelete" ? "on delete" : "on update";
        differences.push(
          `${describeForeignKey(key)}: ${when} is ${found[action]} in the database but ${key[action]} in schema.prisma`,
        );
      }
    }
  }
  for (const key of unmatched) differences.push(`extra ${describeForeignKey(key)} named ${key.name}`);
  return differences;
}

function describeForeignKey(key: ForeignKeyShape): string {
  return `foreign key ${key.table}(${key.columns.join(", ")}) references ${key.referencedTable}(${key.referencedColumns.join(", ")})`;
}

function sortByName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
