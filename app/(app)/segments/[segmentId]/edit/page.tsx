import { notFound } from "next/navigation";
import { EditSegment } from "@/components/segments/builder/edit-segment";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Edit segment" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  await requireWorkspaceViewer();
  const { segmentId } = await params;
  if (!UUID.test(segmentId)) notFound();
  return <EditSegment segmentId={segmentId} />;
}
