const numbers = new Intl.NumberFormat("en-US");
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export const formatCount = (value: number | null | undefined) => (value === null || value === undefined ? "—" : numbers.format(value));
export const formatDateTime = (value: Date | null | undefined) => (value ? dateTime.format(value) : "Never");

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
