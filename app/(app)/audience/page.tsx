import Link from "next/link";
import { AudienceList } from "@/components/audience/audience-list";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";

export const metadata = { title: "Audience" };

export default async function AudiencePage() {
  const viewer = await requireWorkspaceViewer();
  return (
    <>
      <PageHeader title="Audience" description={`The contacts of ${viewer.active.workspaceName}: search, filter and open a profile.`}>
        {canEdit(viewer.active.role) ? (
          <Link href="/audience/import" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
            Import CSV
          </Link>
        ) : null}
      </PageHeader>
      <AudienceList />
    </>
  );
}
