import Link from "next/link";
import { NewSegment } from "@/components/segments/builder/new-segment";
import { Alert, PageHeader } from "@/components/ui/card";
import { requireWorkspaceViewer } from "@/server/auth/page";
import { canEdit } from "@/server/auth/roles";
import { SEGMENT_TEMPLATES } from "@/server/segments/templates";

export const metadata = { title: "New segment" };

export default async function NewSegmentPage({ searchParams }: { searchParams: Promise<{ template?: string | string[] }> }) {
  const viewer = await requireWorkspaceViewer();
  const { template: templateId } = await searchParams;
  const template = typeof templateId === "string" ? SEGMENT_TEMPLATES.find((t) => t.id === templateId) : undefined;
  return (
    <>
      <PageHeader
        title={template ? `New segment from “${template.name}”` : "New segment"}
        description="Combine conditions in AND / OR groups; the count and sample update as you edit."
      >
        <Link href="/segments" className="text-sm font-medium text-brand-700 underline">
          All segments
        </Link>
      </PageHeader>
      {typeof templateId === "string" && !template ? (
        <div className="mb-4">
          <Alert tone="info">There is no template “{templateId}”; starting from an empty segment.</Alert>
        </div>
      ) : null}
      <NewSegment
        readOnly={!canEdit(viewer.active.role)}
        template={template ? { name: template.name, description: template.description, definition: template.definition } : null}
      />
    </>
  );
}
