"use client";

import { Play } from "lucide-react";
import { Button } from "../ui/button";

export function RunNowButton({ onRun, busy }: { onRun: () => void; busy: boolean }) {
  return (
    <Button onClick={onRun} disabled={busy}>
      <Play aria-hidden="true" className="size-4" />
      {busy ? "Scoring…" : "Run now"}
    </Button>
  );
}
