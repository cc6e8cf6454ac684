"use client";

import { useState } from "react";
import { Button } from "../ui/button";

/** A new write key, shown once: only its hash is stored, so it cannot be shown again. */
export function NewWriteKey({ name, writeKey }: { name: string; writeKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p>
        Write key <strong>{name}</strong> created. Copy it now: it is shown only once.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <label htmlFor="new-write-key" className="sr-only">
          New write key
        </label>
        <input
          id="new-write-key"
          readOnly
          value={writeKey}
          onFocus={(event) => event.currentTarget.select()}
          className="flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(writeKey).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy key"}
        </Button>
      </div>
    </div>
  );
}
