import type { ReactNode } from "react";

export type DataColumn<Row> = { header: string; cell: (row: Row) => ReactNode; numeric?: boolean };

/**
 * A chart with its title, a one-sentence summary read by screen readers in place of the drawing,
 * and the numbers behind it in a table the reader can open.
 */
export function ChartFrame<Row>({
  id,
  title,
  summary,
  rows,
  columns,
  rowKey,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  rows: Row[];
  columns: DataColumn<Row>[];
  rowKey: (row: Row) => string | number;
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <div role="img" aria-label={summary}>
        {children}
      </div>
      <figcaption className="text-xs text-slate-600">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline">Show the data</summary>
        <DataTable caption={title} rows={rows} columns={columns} rowKey={rowKey} />
      </details>
    </figure>
  );
}

export function DataTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
}: {
  caption: string;
  rows: Row[];
  columns: DataColumn<Row>[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <div className="mt-2 max-h-72 overflow-auto" role="region" aria-label={`${caption}: data`} tabIndex={0}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`py-1 pr-4 font-medium ${column.numeric ? "text-right" : ""}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-slate-100">
              {columns.map((column) => (
                <td key={column.header} className={`py-1 pr-4 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
