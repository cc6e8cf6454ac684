import { notFound } from "next/navigation";
import { SegmentDetail } from "@/components/segments/saved/segment-detail";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Segment" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  await requireWorkspaceViewer();
  const { segmentId } = await params;
  if (!UUID.test(segmentId)) notFound();
  return <SegmentDetail segmentId={segmentId} />;
}
