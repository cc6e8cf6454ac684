import type { ImportStatus } from "@/server/audience/import";
import { Badge } from "../ui/card";

const TONES = { pending: "amber", queued: "slate", running: "brand", succeeded: "green", failed: "red" } as const;
const LABELS: Record<ImportStatus, string> = {
  pending: "waiting for mapping",
  queued: "queued",
  running: "running",
  succeeded: "done",
  failed: "failed",
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
