"use client";

import { usePathname } from "next/navigation";
import { switchWorkspace } from "@/app/(app)/actions";
import type { WorkspaceMembership } from "@/server/auth/viewer";

export function WorkspaceSwitcher({ workspaces, activeId }: { workspaces: WorkspaceMembership[]; activeId: string }) {
  const pathname = usePathname();
  return (
    <form action={switchWorkspace} className="flex items-center gap-2">
      <label htmlFor="workspace-switcher" className="text-xs font-medium uppercase tracking-wide text-slate-600">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        name="workspaceId"
        defaultValue={activeId}
        disabled={workspaces.length < 2}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {workspaces.map((w) => (
          <option key={w.workspaceId} value={w.workspaceId}>
            {w.workspaceName}
          </option>
        ))}
      </select>
      <input type="hidden" name="returnTo" value={pathname} />
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
    </form>
  );
}
