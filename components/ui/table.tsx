import type { AriaAttributes, ComponentProps, ReactNode } from "react";

/** One column of a DataTable: its header, and how a row fills its cell. */
export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes added to this column's body cells. */
  className?: string;
  /** Classes added to this column's header cell. */
  headerClassName?: string;
  /** Right-aligns the header and the cells: numbers, and actions at the end of a row. */
  align?: "right";
  /** The cell names its row (a `<th scope="row">`), so screen readers announce it with the other cells. */
  rowHeader?: boolean;
  /** The column the rows are sorted by, and in which direction. */
  sort?: AriaAttributes["aria-sort"];
};

/** The looks the app's tables use. */
export type TableLook = "divided" | "ruled" | "quiet";

const LOOKS: Record<TableLook, { table: string; head?: string; headRow?: string; header: string; body?: string; row?: string }> = {
  // Small uppercase headers, a line between rows: most lists.
  divided: { table: "w-full text-left text-sm", head: "text-xs uppercase text-slate-600", header: "py-2", body: "divide-y divide-slate-200" },
  // Small uppercase headers, a rule under the header row and under every row.
  ruled: {
    table: "w-full text-left text-sm",
    head: "text-xs uppercase text-slate-600",
    headRow: "border-b border-slate-200",
    header: "py-2",
    row: "border-b border-slate-100",
  },
  // Headers in sentence case, a hairline above every row: histories and the data behind charts.
  quiet: { table: "min-w-full text-sm", headRow: "text-left text-slate-600", header: "py-1 font-medium", row: "border-t border-slate-100" },
};

/** Vertical padding of the body cells. */
const DENSITIES = { tight: "py-1", normal: "py-2", loose: "py-3" } as const;

const COLUMN_GAP = "pr-4";

function classes(...parts: (string | false | undefined)[]): string | undefined {
  return parts.filter(Boolean).join(" ") || undefined;
}

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** The table's accessible name; screen readers only unless `captionClassName` shows it. */
  caption?: ReactNode;
  captionClassName?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Wraps the table in a focusable region with this name, so keyboard users can scroll a wide table. */
  scrollLabel?: string;
  look?: TableLook;
  density?: keyof typeof DENSITIES;
  /** The last column keeps the gap the others have on their right. */
  padLastColumn?: boolean;
  /** Attributes of a body row (its className adds to the look's). */
  rowProps?: (row: Row) => ComponentProps<"tr"> & { "data-testid"?: string };
};

/** A list of rows under column headers, in one of the app's table looks. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionClassName = "sr-only",
  empty = null,
  scrollLabel,
  look = "divided",
  density = "normal",
  padLastColumn = false,
  rowProps,
}: DataTableProps<Row>) {
  if (rows.length === 0) return empty;
  const style = LOOKS[look];
  const gap = (index: number) => (padLastColumn || index < columns.length - 1) && COLUMN_GAP;
  const align = (column: Column<Row>) => column.align === "right" && "text-right";
  const table = (
    <table className={style.table}>
      {caption ? <caption className={captionClassName}>{caption}</caption> : null}
      <thead className={style.head}>
        <tr className={style.headRow}>
          {columns.map((column, index) => (
            <th key={column.key} scope="col" aria-sort={column.sort} className={classes(style.header, gap(index), align(column), column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={style.body}>
        {rows.map((row) => {
          const { className, ...attributes } = rowProps?.(row) ?? {};
          return (
            <tr key={rowKey(row)} className={classes(style.row, className)} {...attributes}>
              {columns.map((column, index) => {
                const cellClassName = classes(DENSITIES[density], gap(index), align(column), column.className);
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={cellClassName}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClassName}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  if (!scrollLabel) return table;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={scrollLabel}>
      {table}
    </div>
  );
}
