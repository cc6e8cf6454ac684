import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/server/auth/roles";
import type { Viewer, WorkspaceMembership } from "@/server/auth/viewer";
import { Badge } from "../ui/card";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { TrpcProvider } from "../trpc/provider";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppShell({ viewer, children }: { viewer: Viewer & { active: WorkspaceMembership }; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4">
        <Link href="/" className="mb-6 px-3 text-xl font-bold tracking-tight text-brand-800">
          Tailor
        </Link>
        <SidebarNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-6 py-3">
          <WorkspaceSwitcher workspaces={viewer.workspaces} activeId={viewer.active.workspaceId} />
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">
              <span className="font-medium text-slate-900">{viewer.name}</span> · {viewer.email}
            </span>
            <Badge tone={viewer.active.role === "admin" ? "brand" : "slate"}>{ROLE_LABELS[viewer.active.role]}</Badge>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
          {/* Keyed by workspace: a switch starts an empty cache, so no answer from the previous workspace lingers. */}
          <TrpcProvider key={viewer.active.workspaceId}>{children}</TrpcProvider>
        </main>
      </div>
    </div>
  );
}
