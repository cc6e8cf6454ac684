import {
  DATABASE_ONLY_INDEXES,
  type DatabaseOnlyIndex,
  type EnumShape,
  type ForeignKeyShape,
  type IndexShape,
  type SchemaShape,
  type TableShape,
} from "./shape";

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
