import type { ReactNode } from "react";
import { DataTable } from "../../ui/table";

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
        <ChartData caption={title} rows={rows} columns={columns} rowKey={rowKey} />
      </details>
    </figure>
  );
}

function ChartData<Row>({ caption, rows, columns, rowKey }: { caption: string; rows: Row[]; columns: DataColumn<Row>[]; rowKey: (row: Row) => string | number }) {
  return (
    <div className="mt-2 max-h-72 overflow-auto" role="region" aria-label={`${caption}: data`} tabIndex={0}>
      <DataTable
        look="quiet"
        density="tight"
        padLastColumn
        caption={caption}
        rows={rows}
        rowKey={rowKey}
        columns={columns.map((column) => ({
          key: column.header,
          header: column.header,
          cell: column.cell,
          align: column.numeric ? "right" : undefined,
          className: column.numeric ? "tabular-nums" : undefined,
        }))}
      />
    </div>
  );
}
