import { formatSeconds, humanize, stageShares } from "./format";

// Distinct, readable stage colours in run order; stages past the palette reuse it.
const STAGE_COLORS = ["#2547aa", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#15803d", "#0369a1", "#a16207", "#475569"];

export const stageColor = (index: number) => STAGE_COLORS[index % STAGE_COLORS.length]!;

/** A run's time per stage as one small stacked bar; the label reads out every stage's time. */
export function StageBar({ stages, className = "" }: { stages: Record<string, number> | null | undefined; className?: string }) {
  const shares = stageShares(stages);
  if (shares.length === 0) return <span className="text-slate-600">—</span>;
  const label = `Time per stage: ${shares.map((s) => `${humanize(s.stage)} ${formatSeconds(s.seconds)}`).join(", ")}`;
  return (
    <div role="img" aria-label={label} title={label} className={`flex h-3 w-full min-w-24 overflow-hidden rounded-sm bg-slate-200 ${className}`}>
      {shares.map((share, index) => (
        <div key={share.stage} style={{ width: `${share.share * 100}%`, backgroundColor: stageColor(index) }} />
      ))}
    </div>
  );
}

/** The colour key for stage bars, with each stage's time in the given run. */
export function StageLegend({ stages }: { stages: Record<string, number> | null | undefined }) {
  const shares = stageShares(stages);
  if (shares.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Stages">
      {shares.map((share, index) => (
        <li key={share.stage} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: stageColor(index) }} />
          {humanize(share.stage)} <span className="tabular-nums">{formatSeconds(share.seconds)}</span>
        </li>
      ))}
    </ul>
  );
}
