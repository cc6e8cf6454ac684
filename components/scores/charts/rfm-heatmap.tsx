import { summarizeRfmGrid } from "../chart-summaries";
import { formatCount, formatCurrency, heatCellStyle } from "../format";
import type { ScoreCharts } from "../types";

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * Recency × frequency heat map as a real table: rows R 5 (recent) to 1, columns F 1 to 5, each
 * cell shaded by its contacts and showing their average spend.
 */
export function RfmHeatmap({ cells }: { cells: ScoreCharts["rfmGrid"] }) {
  const byKey = new Map(cells.map((cell) => [`${cell.r}:${cell.f}`, cell]));
  const maxCount = Math.max(0, ...cells.map((cell) => cell.count));
  const summary = summarizeRfmGrid(cells);
  return (
    <figure className="space-y-2" aria-labelledby="rfm-grid-title">
      <h3 id="rfm-grid-title" className="text-sm font-semibold text-slate-900">
        RFM grid: recency × frequency
      </h3>
      <table className="w-full table-fixed border-separate border-spacing-1 text-center text-xs">
        <caption className="sr-only">{summary} Each cell gives its contacts and their average spend.</caption>
        <thead>
          <tr>
            <th scope="col" className="w-16 text-left font-medium text-slate-600">
              R \ F
            </th>
            {SCORES.map((f) => (
              <th key={f} scope="col" className="font-medium text-slate-600">
                F {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...SCORES].reverse().map((r) => (
            <tr key={r}>
              <th scope="row" className="text-left font-medium text-slate-600">
                R {r}
              </th>
              {SCORES.map((f) => {
                const cell = byKey.get(`${r}:${f}`);
                const count = cell?.count ?? 0;
                const average = cell && cell.count > 0 ? formatCurrency(cell.avgMonetary) : "—";
                return (
                  <td
                    key={f}
                    className="rounded px-1 py-2"
                    style={heatCellStyle(count, maxCount)}
                    title={`R ${r}, F ${f}: ${formatCount(count)} contacts, average spend ${average}`}
                  >
                    <span className="block text-sm font-semibold tabular-nums">{formatCount(count)}</span>
                    <span className="block tabular-nums">
                      <span className="sr-only">average spend </span>
                      {average}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="text-xs text-slate-600">
        {summary} Darker cells hold more contacts; R 5 is the most recent, F 5 the most frequent.
      </figcaption>
    </figure>
  );
}
