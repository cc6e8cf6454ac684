"use client";

import { useState } from "react";
import { Button } from "../ui/button";

/** The invitation link, shown once: only its hash is stored, so it cannot be shown again. */
export function InviteLink({ email, url }: { email: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p>
        Invitation created for <strong>{email}</strong>. Send them this link; it is shown only once.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <label htmlFor="invite-link" className="sr-only">
          Invitation link
        </label>
        <input id="invite-link" readOnly value={url} className="flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
