import { AuditLog } from "@/components/settings/audit-log";
import { AdminOnly } from "@/components/settings/admin-only";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Audit log" };

export default async function AuditPage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader title="Audit log" description="Every sign-in, invitation and role change in this workspace, newest first." />
      {viewer.active.role === "admin" ? <AuditLog /> : <AdminOnly what="the audit log" />}
    </>
  );
}
