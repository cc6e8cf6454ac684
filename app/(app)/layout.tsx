import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireWorkspaceViewer();
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
