import { AdminOnly } from "@/components/settings/admin-only";
import { MembersPanel } from "@/components/settings/members-panel";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Members" };

export default async function MembersPage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader title="Members" description={`People who can work in ${viewer.active.workspaceName}, and what they may do.`} />
      {viewer.active.role === "admin" ? <MembersPanel currentUserId={viewer.userId} /> : <AdminOnly what="members" />}
    </>
  );
}
