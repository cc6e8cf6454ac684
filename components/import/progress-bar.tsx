/** A labelled progress bar; `percent` null shows an indeterminate (striped) bar. */
export function ProgressBar({ label, percent, failed = false }: { label: string; percent: number | null; failed?: boolean }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full transition-all ${failed ? "bg-red-600" : "bg-brand-600"} ${percent === null ? "w-1/3 animate-pulse" : ""}`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
