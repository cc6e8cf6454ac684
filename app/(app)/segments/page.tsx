import Link from "next/link";
import { SegmentList } from "@/components/segments/saved/segment-list";
import { PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";
import { SEGMENT_TEMPLATES } from "@/server/segments/templates";

export const metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const viewer = await requireWorkspaceViewer();
  const editable = canEdit(viewer.active.role);
  return (
    <>
      <PageHeader title="Segments" description="Say precisely whom you mean. Saved segments are refreshed by the worker every hour and on demand.">
        {editable ? (
          <Link href="/segments/new" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
            New segment
          </Link>
        ) : null}
      </PageHeader>
      <SegmentList canEdit={editable} templates={SEGMENT_TEMPLATES.map(({ id, name, description }) => ({ id, name, description }))} />
    </>
  );
}
