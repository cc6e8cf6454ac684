import pg from "pg";
import {
  SCHEMA,
  type EnumShape,
  type ReferentialAction,
  type SchemaShape,
} from "./shape";

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

