export function JobProgress({
  label,
  done,
  total,
  status,
}: {
  label: string;
  done: number;
  total: number | null;
  status: string;
}) {
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : status === "succeeded" ? 100 : 0;
  return (
    <div className="mt-2 flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-all ${status === "failed" ? "bg-red-600" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="w-24 text-right text-xs tabular-nums text-slate-700">
        {total ? `${done} / ${total}` : `${done}`} · {percent}%
      </span>
    </div>
  );
}
