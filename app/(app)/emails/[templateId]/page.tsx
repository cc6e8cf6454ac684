import { notFound } from "next/navigation";
import { Designer } from "@/components/emails/designer/designer";
import { requireWorkspaceViewer } from "@/server/auth/page";

export const metadata = { title: "Email designer" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EmailDesignerPage({ params }: { params: Promise<{ templateId: string }> }) {
  await requireWorkspaceViewer();
  const { templateId } = await params;
  if (!UUID.test(templateId)) notFound();
  return <Designer templateId={templateId} />;
}
