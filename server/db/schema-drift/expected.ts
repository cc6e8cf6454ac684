import internals from "@prisma/internals";
import {
  SCHEMA,
  type ColumnShape,
  type DefaultShape,
  type ForeignKeyShape,
  type IndexShape,
  type ReferentialAction,
  type SchemaShape,
  type TableShape,
} from "./shape";

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

