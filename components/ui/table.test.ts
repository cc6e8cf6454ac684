import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column, type DataTableProps } from "./table";

type Fruit = { id: number; name: string; price: number };

const fruits: Fruit[] = [
  { id: 1, name: "Apple", price: 3 },
  { id: 2, name: "Pear", price: 4 },
];

const columns: Column<Fruit>[] = [
  { key: "name", header: "Name", className: "font-medium", cell: (fruit) => fruit.name },
  { key: "price", header: "Price", align: "right", className: "tabular-nums", cell: (fruit) => fruit.price },
];

function render(props: Partial<DataTableProps<Fruit>> = {}): string {
  return renderToStaticMarkup(createElement(DataTable<Fruit>, { columns, rows: fruits, rowKey: (fruit) => fruit.id, ...props }));
}

describe("DataTable", () => {
  it("names the table with a caption for screen readers only", () => {
    expect(render({ caption: "Fruits" })).toContain('<caption class="sr-only">Fruits</caption>');
  });

  it("shows the caption with the classes it is given", () => {
    expect(render({ caption: "Fruits", captionClassName: "text-left text-sm" })).toContain('<caption class="text-left text-sm">Fruits</caption>');
  });

  it("renders one column header per column and one row per item, cells in column order", () => {
    const html = render();
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<tr/g)).toHaveLength(3);
    expect(html).toMatch(/<td[^>]*>Apple<\/td><td[^>]*>3<\/td>/);
  });

  it("shows the empty state instead of the table when there are no rows", () => {
    const html = render({ rows: [], empty: createElement("p", null, "No fruit yet.") });
    expect(html).toBe("<p>No fruit yet.</p>");
  });

  it("renders nothing for no rows and no empty state", () => {
    expect(render({ rows: [] })).toBe("");
  });

  it("keeps a gap right of every column but the last", () => {
    const html = render();
    expect(html).toContain('<th scope="col" class="py-2 pr-4">Name</th>');
    expect(html).toContain('<th scope="col" class="py-2 text-right">Price</th>');
    expect(html).toContain('<td class="py-2 pr-4 font-medium">Apple</td>');
    expect(html).toContain('<td class="py-2 text-right tabular-nums">3</td>');
  });

  it("keeps the gap on the last column too when asked", () => {
    expect(render({ padLastColumn: true })).toContain('<td class="py-2 pr-4 text-right tabular-nums">3</td>');
  });

  it("sets the body cells' padding from the density and the header's from the look", () => {
    const html = render({ look: "quiet", density: "tight" });
    expect(html).toContain('<table class="min-w-full text-sm">');
    expect(html).toContain('<th scope="col" class="py-1 font-medium pr-4">Name</th>');
    expect(html).toContain('<td class="py-1 pr-4 font-medium">Apple</td>');
  });

  it("renders a row header cell as a th scoped to its row", () => {
    const html = render({ columns: [{ ...columns[0]!, rowHeader: true }, columns[1]!] });
    expect(html).toContain('<th scope="row" class="py-2 pr-4 font-medium">Apple</th>');
  });

  it("marks the column the rows are sorted by", () => {
    const html = render({ columns: [{ ...columns[0]!, sort: "ascending" }, columns[1]!] });
    expect(html).toContain('<th scope="col" aria-sort="ascending" class="py-2 pr-4">Name</th>');
    expect(html).not.toContain('aria-sort="none"');
  });

  it("adds a row's own classes and attributes to the look's", () => {
    const html = render({ look: "ruled", rowProps: (fruit) => ({ className: "align-top", "data-testid": `fruit-${fruit.id}` }) });
    expect(html).toContain('<tr class="border-b border-slate-100 align-top" data-testid="fruit-1">');
  });

  it("wraps a wide table in a named, focusable scroll region", () => {
    expect(render({ scrollLabel: "Fruits, scrollable" })).toMatch(
      /^<div class="overflow-x-auto" tabindex="0" role="region" aria-label="Fruits, scrollable"><table/,
    );
  });
});
