// Detects drift between prisma/schema.prisma and a migrated database. Prisma's own drift check
// (`migrate diff`) needs the schema-engine binary, which our build environment cannot download,
// so the comparison is done here: both sides become a `SchemaShape` and `diffSchemas` lists
// every difference in words a reviewer can act on. Used by tests and tooling only, which is why
// @prisma/internals (for getDMMF) can stay a devDependency.

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
    name: "contact_search_text_trgm_idx",
    why: "trigram search over contacts' email and names (a GIN operator class Prisma cannot declare here)",
  },
  {
    name: "event_category_idx",
    why: "segment event conditions filtered on the product category (an expression index with INCLUDE, partial)",
  },
  {
    name: "contact_facts_granted_idx",
    why: "segment counts over contacts with email-marketing consent, read index-only (partial, INCLUDE)",
  },
  {
    name: "event_cart_add_idx",
    why: "each contact's open cart, read from recent Product Added events (partial, INCLUDE)",
  },
];

export type DatabaseOnlyIndex = { name: string; why: string };

// Only `public` is Prisma's; graphile_worker and other schemas manage themselves.
export const SCHEMA = "public";

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

