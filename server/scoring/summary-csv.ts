import { ModelFitError } from "./errors";

/** Customer summaries read from a CSV in the `lifetimes` layout (the CDNOW summary files). */
export type CustomerSummaryTable = {
  ids: string[];
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  /** Average value of repeat purchases, when the file has a monetary column. */
  monetary?: Float64Array;
};

const COLUMN_NAMES = {
  frequency: ["frequency", "x"],
  recency: ["recency", "t_x"],
  age: ["t", "age"],
  monetary: ["monetary_value", "monetary", "zbar", "m_x"],
};

/** Parses `ID,frequency,recency,T[,monetary]` (or `ID,x,t_x,T,zbar`) text. */
export function parseCustomerSummaryCsv(text: string): CustomerSummaryTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").split(",").map((name) => name.trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((name) => names.includes(name));
  const columns = {
    frequency: find(COLUMN_NAMES.frequency),
    recency: find(COLUMN_NAMES.recency),
    age: find(COLUMN_NAMES.age),
    monetary: find(COLUMN_NAMES.monetary),
  };
  if (columns.frequency < 0 || columns.recency < 0 || columns.age < 0) {
    throw new ModelFitError("invalid_data", "the summary needs frequency (or x), recency (or t_x) and T columns");
  }
  const rows = lines.length - 1;
  const table: CustomerSummaryTable = {
    ids: new Array<string>(rows),
    frequency: new Float64Array(rows),
    recency: new Float64Array(rows),
    age: new Float64Array(rows),
    monetary: columns.monetary >= 0 ? new Float64Array(rows) : undefined,
  };
  for (let row = 0; row < rows; row++) {
    const cells = lines[row + 1]!.split(",");
    const read = (column: number) => {
      const value = Number(cells[column]);
      if (cells[column] === undefined || cells[column]!.trim() === "" || !Number.isFinite(value)) {
        throw new ModelFitError("invalid_data", `line ${row + 2}: "${cells[column] ?? ""}" in column ${header[column]} is not a number`);
      }
      return value;
    };
    table.ids[row] = (cells[0] ?? "").trim();
    table.frequency[row] = read(columns.frequency);
    table.recency[row] = read(columns.recency);
    table.age[row] = read(columns.age);
    if (table.monetary) table.monetary[row] = read(columns.monetary);
  }
  return table;
}
