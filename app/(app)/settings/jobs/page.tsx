import { JobsPanel } from "@/components/jobs/jobs-panel";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Background jobs" };

export default async function JobsPage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Imports, segment refreshes, scoring and sends run in the worker; their progress shows here."
      />
      <JobsPanel canStart={canEdit(viewer.active.role)} />
    </>
  );
}
